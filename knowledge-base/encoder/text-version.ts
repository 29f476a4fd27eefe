/**
 * Version of the text the matcher hands to the encoder (its normalisation before embedding). Part of
 * every disk-cache key, so a change in that preparation re-embeds the KB instead of reusing vectors
 * of differently prepared text. knowledge-base/ has no NORMALIZER_VERSION yet: bump this one whenever
 * the text given to `embed` or `embedPhrasings` is prepared differently.
 */
export const ENCODER_TEXT_VERSION = 1;
