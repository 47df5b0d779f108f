import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { commonEnglishFile } from '../../../scripts/common-english.ts';
import { analyseText, stemToken } from '../../../src/search/analyse-text.ts';
import {
  applyShortQuestionGate,
  applySubjectGate,
  COMMON_ENGLISH_STEMS,
  DockerSignal,
  isAskersWorld,
  isOtherWorldTerm,
  isRareSubject,
  PLATFORM_WORDS,
  possessedTerms,
  STACK_WORDS,
  WORKLOAD_WORDS,
  type GatedTopic,
  type GateTerm,
  type QuestionSetting,
  type SubjectGateContext,
} from '../../../src/search/answer-gate.ts';

const ANCHORS: ReadonlySet<string> = new Set(['docker', 'container', 'compose'].map(stemToken));
const typed = (text: string): GateTerm[] => [...new Set(analyseText(text))].map((term) => ({ term, certainty: 1 }));
/** Where a question stands: surely about Docker when it names Docker, unless said otherwise. */
const setting = (anchored: boolean, dockerish: boolean, possessed: ReadonlySet<string> = new Set(), surelyDocker = anchored): QuestionSetting => ({
  anchored,
  dockerish,
  surelyDocker,
  possessed,
});
const rare = (word: string, known: (t: string) => boolean = () => false) => isRareSubject({ term: stemToken(word), certainty: 1 }, ANCHORS, known);

interface FakeTopic extends GatedTopic {
  id: string;
  explaining: ReadonlySet<string>;
}
const topic = (id: string, explaining: string, confidence = 0.9): FakeTopic => ({ id, explaining: new Set(analyseText(explaining)), confidence, unexplained: [] });
const context = (ranked: readonly FakeTopic[]): SubjectGateContext<FakeTopic> => ({
  explains: (t, term) => t.explaining.has(term),
  explainingTopics: (term) => ranked.filter((t) => t.explaining.has(term)).length,
  known: () => false,
  anchors: ANCHORS,
  penalty: 0.25,
});

describe('common English (SUBTLEX-US)', () => {
  test('GIVEN the shipped common-english.txt THEN it is what scripts/common-english.ts writes from the package', () => {
    expect(readFileSync(new URL('../../../src/search/common-english.txt', import.meta.url), 'utf8')).toBe(commonEnglishFile());
  });

  test('GIVEN everyday words and Docker words in their everyday sense THEN they are common; technical words are not', () => {
    for (const word of ['garage', 'butterfly', 'house', 'bake', 'container', 'image', 'laptop']) expect(COMMON_ENGLISH_STEMS.has(stemToken(word)), word).toBe(true);
    for (const word of ['watchtower', 'nfs', 'systemd', 'kubernetes', 'ssh', 'selinux']) expect(COMMON_ENGLISH_STEMS.has(stemToken(word)), word).toBe(false);
  });
});

describe('isRareSubject', () => {
  test('GIVEN rare words, short acronyms and versioned names THEN they can be a question\'s subject', () => {
    for (const word of ['watchtower', 'nfs', 'ipv6', 'x11', 'testcontainers']) expect(rare(word), word).toBe(true);
  });

  test('GIVEN common words, chat shorthand, ids and anchors THEN they are not subjects', () => {
    for (const word of ['garage', 'uni', 'repo', 'config', 'abc123', 'e3b0c44298fc', 'docker', 'containers']) expect(rare(word), word).toBe(false);
  });

  test('GIVEN a known word with a prefix (placeholder names, re-, over-) THEN it is not a subject', () => {
    expect(rare('redownloading')).toBe(false);
    expect(rare('overkill')).toBe(false);
    expect(rare('mycontainer')).toBe(false);
    // "mysql" is my + "sql", and "sql" is neither common English nor, here, known.
    expect(rare('mysql')).toBe(true);
    expect(rare('mysql', (t) => t === 'sql')).toBe(false);
  });

  test('GIVEN a word corrected from a typo THEN it is never a subject', () => {
    expect(isRareSubject({ term: 'watchtow', certainty: 0.7 }, ANCHORS, () => false)).toBe(false);
  });
});

describe('applySubjectGate', () => {
  test('GIVEN a rare word no topic explains THEN every topic loses confidence and lists it as unexplained', () => {
    const ranked = [topic('restart-policies', 'auto restart update containers'), topic('volumes', 'volume containers', 0.4)];
    const subjects = applySubjectGate(typed('should i use watchtower to auto update my containers'), setting(true, true), ranked, context(ranked));
    expect(subjects).toEqual([stemToken('watchtower')]);
    expect(ranked[0]).toMatchObject({ confidence: 0.9 * 0.25, unexplained: [stemToken('watchtower')] });
    expect(ranked[1]!.confidence).toBeCloseTo(0.4 * 0.25);
  });

  test('GIVEN a long flag as typed that no topic explains THEN it is a subject, as a rare word is', () => {
    const ranked = [topic('cgroups', 'memory limits containers raise')];
    const terms: GateTerm[] = [...typed('how do i raise shared memory for my container'), { term: '--shm-size', certainty: 1 }];
    expect(applySubjectGate(terms, setting(true, true), ranked, context(ranked))).toContain('--shm-size');
    expect(ranked[0]!.unexplained).toContain('--shm-size');
  });

  test('GIVEN a rare word some topic explains THEN the gate leaves it to the ranking', () => {
    const ranked = [topic('cron-topic', 'run cron jobs in containers'), topic('other', 'containers')];
    expect(applySubjectGate(typed('how do i run a cron job inside a container'), setting(true, true), ranked, context(ranked))).toEqual([]);
    expect(ranked.map((r) => r.confidence)).toEqual([0.9, 0.9]);
  });

  test('GIVEN one rare word in a long question THEN it is context, not the subject', () => {
    const ranked = [topic('volumes', 'volumes remove run tables gone data')];
    const question = 'ok so i have a foodb container for my uni project and every time i remove it and run it again all my tables are gone, my friend said use volumes';
    expect(applySubjectGate(typed(question), setting(true, true), ranked, context(ranked))).toEqual([]);
    expect(ranked[0]!.confidence).toBe(0.9);
  });

  test('GIVEN a rare word the asker calls theirs in a question about Docker THEN it is the setting, not the subject', () => {
    const question = 'how do i clean up old images, my synology is out of space';
    const ranked = [topic('managing-images', 'clean up old images space')];
    expect(applySubjectGate(typed(question), setting(false, true, possessedTerms(question)), ranked, context(ranked))).toEqual([]);
    expect(ranked[0]!.confidence).toBe(0.9);
  });

  test('GIVEN the same rare word not called theirs, or in a question that says nothing of Docker THEN it is still the subject', () => {
    const ranked = [topic('managing-images', 'clean up old images space')];
    expect(applySubjectGate(typed('how do i clean up old images on a synology'), setting(false, true), ranked, context(ranked))).toEqual([stemToken('synology')]);
    const question = 'my synology is out of space';
    expect(applySubjectGate(typed(question), setting(false, false, possessedTerms(question)), [topic('x', 'space')], context([]))).toEqual([stemToken('synology')]);
  });

  test('GIVEN a stack word THEN it is context in a question that names Docker, and the subject in one that does not', () => {
    const ranked = [topic('build-cache', 'build cache slow enable')];
    expect(applySubjectGate(typed('gradle build is slow, how do i enable the build cache'), setting(false, true), ranked, context(ranked))).toEqual([stemToken('gradle')]);
    expect(applySubjectGate(typed('my docker gradle build is slow'), setting(true, true), [topic('build-cache', 'build cache slow')], context([]))).toEqual([]);
  });
});

describe('the asker\'s world: workloads and platforms (workload-vocabulary.json)', () => {
  const where = (anchored: boolean, dockerish: boolean, surelyDocker: boolean, possessed: readonly string[] = []) =>
    setting(anchored, dockerish, new Set(possessed.map(stemToken)), surelyDocker);

  test('GIVEN what people run in containers and on what THEN the lists hold it, as questions analyse it', () => {
    for (const word of ['plex', 'jellyfin', 'pihole', 'jupyter', 'pytorch', 'numpy', 'golang', 'nestjs', 'clickhouse', 'bookworm']) expect(WORKLOAD_WORDS.has(stemToken(word)), word).toBe(true);
    // "eclipse-temurin" is analysed into its words, as a question's would be.
    expect(WORKLOAD_WORDS.has(stemToken('temurin'))).toBe(true);
    for (const word of ['synology', 'homelab', 'unraid', 'rtx']) expect(PLATFORM_WORDS.has(stemToken(word)), word).toBe(true);
  });

  test('GIVEN container tools, build tools and common English words THEN neither list holds them', () => {
    for (const word of ['portainer', 'watchtower', 'traefik', 'kaniko', 'gradle', 'maven', 'npm', 'docker', 'ghost', 'spark', 'image']) {
      expect(WORKLOAD_WORDS.has(stemToken(word)) || PLATFORM_WORDS.has(stemToken(word)), word).toBe(false);
    }
  });

  test('GIVEN a workload THEN it is the asker\'s world in a question surely about Docker, not in one that merely says something of it', () => {
    expect(isAskersWorld(stemToken('jellyfin'), where(false, true, true))).toBe(true);
    // "jellyfin keeps restarting" says something of Docker ("keeps restarting"), but may be about jellyfin.
    expect(isAskersWorld(stemToken('jellyfin'), where(false, true, false))).toBe(false);
    expect(isAskersWorld(stemToken('jellyfin'), where(false, false, false))).toBe(false);
  });

  test('GIVEN a platform THEN it is the asker\'s world when the question names Docker or calls it theirs, not on a mere Docker signal', () => {
    expect(isAskersWorld(stemToken('qnap'), where(false, true, true))).toBe(false);
    expect(isAskersWorld(stemToken('qnap'), where(true, true, true))).toBe(true);
    expect(isAskersWorld(stemToken('qnap'), where(false, true, false, ['qnap']))).toBe(true);
  });

  test('GIVEN a build tool of the stack THEN it is context only when the question names Docker', () => {
    expect(STACK_WORDS.has(stemToken('gradle'))).toBe(true);
    expect(isAskersWorld(stemToken('gradle'), where(false, true, true))).toBe(false);
    expect(isAskersWorld(stemToken('gradle'), where(true, true, true))).toBe(true);
  });

  test('GIVEN a workload in a question surely about Docker without naming it THEN the subject gate takes it for context', () => {
    const ranked = [topic('bind-mounts', 'bind mount named volume config folder')];
    const question = 'bind mount or named volume for the jellyfin config folder';
    expect(applySubjectGate(typed(question), where(false, true, true), ranked, context(ranked))).toEqual([]);
    expect(ranked[0]!.confidence).toBe(0.9);
    expect(applySubjectGate(typed(question), where(false, true, false), ranked, context(ranked))).toEqual([stemToken('jellyfin')]);
  });
});

describe('isOtherWorldTerm', () => {
  test('GIVEN words of general computing, the stack and numbers THEN they are another world; Docker\'s own words are not', () => {
    for (const word of ['install', 'ubuntu', 'nginx', '24']) expect(isOtherWorldTerm(stemToken(word)), word).toBe(true);
    for (const word of ['volume', 'layer', 'entrypoint']) expect(isOtherWorldTerm(stemToken(word)), word).toBe(false);
  });
});

describe('possessedTerms', () => {
  test('GIVEN my, our and your THEN the word right after each is the asker\'s, stemmed', () => {
    expect(possessedTerms('a registry on our nas for my homelab images, your pi')).toEqual(new Set(['nas', 'homelab', 'pi'].map(stemToken)));
  });
});

describe('applyShortQuestionGate', () => {
  test('GIVEN a short question naming Docker THEN its rarer words must be explained by the answering topic', () => {
    const ranked = [topic('docker-build', 'docker build'), topic('build-cloud', 'docker build cloud')];
    const terms = typed('what is docker build cloud');
    expect(applyShortQuestionGate(terms, true, ranked, context(ranked))).toContain(stemToken('cloud'));
    expect(ranked[0]).toMatchObject({ confidence: 0.9 * 0.25, unexplained: [stemToken('cloud')] });
    expect(ranked[1]).toMatchObject({ confidence: 0.9, unexplained: [] });
  });

  test('GIVEN everyday or explained words, a long question or no anchor THEN no confidence is lost', () => {
    const ranked = [topic('docker-architecture', 'docker architecture')];
    // "explained" is everyday English; "architecture" is explained by the topic.
    applyShortQuestionGate(typed('docker architecture explained?'), true, ranked, context(ranked));
    expect(applyShortQuestionGate(typed('what is docker build cloud'), false, ranked, context(ranked))).toEqual([]);
    expect(applyShortQuestionGate(typed('how do i use docker build cloud with my team from github actions'), true, ranked, context(ranked))).toEqual([]);
    expect(ranked[0]).toMatchObject({ confidence: 0.9, unexplained: [] });
  });
});

describe('DockerSignal', () => {
  const signal = new DockerSignal(
    ['GPUs in containers', 'gpu', 'dns', 'remote host', 'ssh', 'host network', 'volume', 'build cache', 'entrypoint', 'git commit', 'commit', 'layer', 'restart'].map(
      analyseText,
    ),
    { anchors: ANCHORS, isCommand: (t) => t === 'dockercp', isSubcommand: (t) => ['build', 'run', 'restart', 'commit'].includes(t) },
  );
  const has = (question: string, sharedPairs: ReadonlyMap<string, number> = new Map()) =>
    signal.has({ terms: typed(question), anchored: false, sharedPairs });

  test('GIVEN questions of general computing that Docker topics happen to name THEN they say nothing of Docker', () => {
    for (const q of ['what is a gpu', 'what is dns and how does it work', 'ssh into a remote server', 'how do i build an npm package']) expect(has(q), q).toBe(false);
  });

  test('GIVEN a Docker-specific term, a two-word name, a flag or a docker verb alone THEN they do', () => {
    for (const q of ['what is a volume', 'what is the host network driver', 'entrypoint', 'what does --rm do', 'why is my second build so fast']) expect(has(q), q).toBe(true);
  });

  test('GIVEN a common word Docker names, or a number, in a question about another tool or system THEN it says nothing of Docker', () => {
    for (const q of ['how do i undo my last git commit', 'which process uses port 8080 on ubuntu', 'how do i restart nginx']) expect(has(q), q).toBe(false);
  });

  test('GIVEN the same common words with no other world of computing THEN they are still Docker\'s', () => {
    for (const q of ['how do i restart it when it crashes', 'what is a layer']) expect(has(q), q).toBe(true);
  });

  test('GIVEN an everyday-sense anchor beside an everyday word the knowledge base never uses THEN it needs another signal', () => {
    const known = (term: string) => term !== stemToken('music') && term !== stemToken('film');
    const ask = (question: string) => signal.has({ terms: typed(question), anchored: true, sharedPairs: new Map(), known });
    expect(ask('how do you compose music for a short film')).toBe(false);
    expect(ask('what is compose for')).toBe(true);
    expect(ask('run a music player in a container with docker')).toBe(true);
  });

  test('GIVEN word pairs shared with a topic THEN they are Docker\'s language', () => {
    expect(has('what is a gpu', new Map([['gpus', 1]]))).toBe(false);
    expect(has('what is a gpu', new Map([['gpus', 2]]))).toBe(true);
  });

  test('GIVEN terms THEN dockerTermCount counts those Docker names that are neither everyday, general computing nor the stack', () => {
    expect(signal.dockerTermCount(typed('what is the entrypoint of a volume'))).toBe(2);
    expect(signal.dockerTermCount(typed('what is a gpu'))).toBe(0);
    expect(signal.dockerTermCount([{ term: stemToken('entrypoint'), certainty: 0.8 }])).toBe(0);
  });

  test('GIVEN an anchor, even misspelt and corrected THEN it is a Docker question', () => {
    expect(signal.has({ terms: [{ term: stemToken('container'), certainty: 0.8 }], anchored: false, sharedPairs: new Map() })).toBe(true);
    expect(signal.has({ terms: [], anchored: true, sharedPairs: new Map() })).toBe(true);
  });
});
