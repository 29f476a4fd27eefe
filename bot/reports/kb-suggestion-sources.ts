import { Faq } from '../../knowledge-base/index';
import type { KbVocabularySource, NearestEntryFinder } from '../../insights/index';
import type { FaqPort } from '../conversation/deps';
import type { KbReloader } from '../kb-admin/kb-reloader';

/**
 * The matcher's best candidate for a missed question, when the matcher would give or offer it
 * (an entry it would neither give nor offer is a coincidence of words, whatever its score), and
 * whether it answers the question with it today (an accepted suggestion: nothing left to suggest).
 */
export function nearestEntryIn(faq: FaqPort): NearestEntryFinder {
  return async (question, locale) => {
    const decision = await faq.match(question, { locale });
    if (decision.decision === 'escalate' && decision.reason !== 'entry-escalate') return undefined;
    const best = decision.candidates[0];
    return (
      best && {
        entryId: best.id,
        score: best.score,
        answered: decision.decision === 'answer' && decision.entry.id === best.id,
      }
    );
  };
}

/** The KB in service (after reloads too), for its synonyms and vocabulary; none for a test double. */
export function kbInService(faq: FaqPort, reloader?: KbReloader): () => KbVocabularySource | undefined {
  return () => (reloader ? reloader.holder.current.source : faq instanceof Faq ? faq.source : undefined);
}
