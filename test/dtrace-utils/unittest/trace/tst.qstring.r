this %should work.
%don't w%orry -- this won't cause a %segfault.

