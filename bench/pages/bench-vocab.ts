/**
 * The seed vocabulary and fixed-seed generators as the bench pages use
 * them: the same module the Node benches use, fed the same vocab file.
 */
import vocabText from '../vocab.txt?raw';
import { parseVocabulary, type Vocabulary } from '../lib/corpus.ts';

/** bench/vocab.txt, parsed once. */
export const vocabulary: Vocabulary = parseVocabulary(vocabText);
