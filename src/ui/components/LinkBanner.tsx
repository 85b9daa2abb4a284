/**
 * What the page says about the link it was opened with, in plain sight (not
 * only to screen readers): a damaged share link, a capture left out of a
 * link, a refused capture address, and the question asked before fetching a
 * capture from another site.
 */
import { answerPendingCapture } from '../actions.ts';
import { useStore } from '../store/store.ts';

export function LinkBanner() {
  const problem = useStore((s) => s.linkProblem);
  const pending = useStore((s) => s.pendingCapture);
  const dismiss = useStore((s) => s.setLinkProblem);
  if (!problem && !pending) return null;
  return (
    <div className="link-banners">
      {pending && (
        <div className="link-banner ask" role="alertdialog" aria-labelledby="pending-title" aria-describedby="pending-detail">
          <strong id="pending-title">Open a capture from another site?</strong>
          <p id="pending-detail">
            This link asks to fetch <code>{pending.url}</code>, which is not on this site. It is fetched by your browser, from your network, only if you say so.
          </p>
          <div className="banner-actions">
            <button type="button" className="primary" onClick={() => answerPendingCapture(true)}>Fetch and open it</button>
            <button type="button" onClick={() => answerPendingCapture(false)}>Don’t</button>
          </div>
        </div>
      )}
      {problem && (
        <div className="link-banner problem" role="alert" data-testid="link-problem">
          <strong>{problem.title}</strong>
          <p>{problem.detail}</p>
          <div className="banner-actions">
            <button type="button" onClick={() => dismiss(null)}>Dismiss</button>
          </div>
        </div>
      )}
    </div>
  );
}
