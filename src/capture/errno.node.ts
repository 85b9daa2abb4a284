/**
 * System errors in the C library's words (strerror), not Node's
 * ("EISDIR: illegal operation on a directory, read"): messages about files
 * read as dtrace's and tcpdump's do.
 */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
  ENFILE: 'Too many open files in system',
  EIO: 'Input/output error',
  ENXIO: 'No such device or address',
  ENODEV: 'No such device',
  EINVAL: 'Invalid argument',
  EAGAIN: 'Resource temporarily unavailable',
  ENOMEM: 'Cannot allocate memory',
  EFBIG: 'File too large',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  ESPIPE: 'Illegal seek',
  EPIPE: 'Broken pipe',
  EBADF: 'Bad file descriptor',
  ETIMEDOUT: 'Connection timed out',
};

/** strerror() of a Node system error; other errors' messages as they are. */
export function errnoText(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && STRERROR[code] !== undefined) return STRERROR[code];
  return e instanceof Error ? e.message : String(e);
}
