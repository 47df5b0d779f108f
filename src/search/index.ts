export { AnswerEngine, type AnswerEngineOptions, type RankedTopic } from './answer-engine.ts';
export { toTopicRef, type Abstention, type Answer, type TopicRef } from './answer.ts';
export { cleanQuery, cleanText, MAX_QUERY_LENGTH } from './clean-text.ts';
export { analyseText } from './analyse-text.ts';
export { TopicFinder, type FindTopicResult } from './topic-finder.ts';
export { DEFAULT_SCORING, type ScoringWeights } from './scoring-weights.ts';
export { calibratedConfidence, EVIDENCE_FEATURES, type AnswerEvidence, type Calibration } from './calibration.ts';
export { groupSimilarQuestions, type QuestionGroup } from './group-questions.ts';
