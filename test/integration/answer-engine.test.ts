import { describe, expect, test } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { AnswerEngine } from '../../src/search/index.ts';
import { stemToken } from '../../src/search/analyse-text.ts';
import { buildPhraseIndex, correctAndStem } from '../../src/search/phrase-index.ts';

const knowledge = await loadKnowledge();
const engine = new AnswerEngine(knowledge);
const topicOf = (question: string) => engine.answer(question).topic?.id ?? null;

describe('AnswerEngine on the shipped knowledge', () => {
  test.each([
    ['what is a containr', 'container'],
    ['how do i write a dockerfle', 'dockerfile-basics'],
    ['img vs ctr', 'image-vs-container'],
    ['diff between vm n container', 'vm-vs-container'],
    ['why is my second build so fast', 'build-cache'],
    ['stop vs kill', 'stop-vs-kill'],
  ])('GIVEN %j THEN it answers with %s', (question, topic) => {
    expect(topicOf(question)).toBe(topic);
  });

  test('GIVEN a question about image vs container THEN it prefers that topic over the ones that merely mention its words', () => {
    expect(topicOf('what is the difference between an image and a container')).toBe('image-vs-container');
    expect(topicOf('what is an image')).toBe('image');
    expect(topicOf('what is a container')).toBe('container');
  });

  test.each(['best pizza toppings', 'who painted the mona lisa', 'asdfghjkl qwerty', 'how do I resize an image in photoshop'])(
    'GIVEN the off-topic %j THEN it abstains and says what it covers',
    (question) => {
      const answer = engine.answer(question);
      expect(answer).toMatchObject({ answered: false, topic: null });
      expect(answer.text).toMatch(/I only cover Docker concepts/);
    },
  );

  test.each(['../../../../etc/passwd', "'; ＤＲＯＰ ＴＡＢＬＥ users; --"])(
    'GIVEN the injection probe %j, made of Docker-ish words THEN it abstains without near misses',
    (probe) => {
      expect(engine.answer(probe)).toMatchObject({ answered: false, topic: null, suggestions: [] });
    },
  );

  test('GIVEN an answer THEN its suggestions are the topic\'s related topics', () => {
    const answer = engine.answer('what is a volume');
    expect(answer.topic?.id).toBe('volumes');
    expect(answer.suggestions.map((s) => s.id)).toEqual(answer.topic!.related.slice(0, 3));
  });

  test('GIVEN the same question twice THEN the answer is the same (no hidden state)', () => {
    expect(engine.answer('voluem vs bind mount')).toEqual(engine.answer('voluem vs bind mount'));
  });
});

describe('AnswerEngine: knowing what it does not know (issue 10 §1)', () => {
  test.each([
    ['docker cp', 'docker-cp'],
    ['what is a docker context', 'docker-context'],
    ['what is docker swarm', 'orchestrators'],
    ['how to install docker on ubuntu', 'installing-docker'],
    ['can i run docker inside docker', 'docker-in-docker'],
  ])('GIVEN %j, whose docker command or subcommand is decisive THEN the topic that explains it answers', (question, topic) => {
    expect(topicOf(question)).toBe(topic);
  });

  test.each(['explain the life cycle of a butterfly', 'how do I clean up my garage', 'what is the build time of a house', 'health check for my car', 'what is a container ship', 'history of the shipping container', 'how do i copy a file in linux'])(
    'GIVEN %j, Docker words in a question about something else THEN it abstains as off-topic',
    (question) => {
      const answer = engine.answer(question);
      expect(answer).toMatchObject({ answered: false, abstention: 'off-topic' });
      expect(answer.text).toMatch(/I only cover Docker concepts/);
    },
  );

  test('GIVEN a docker command no topic explains THEN it abstains with "not yet" and the closest topics, not as off-topic', () => {
    const answer = engine.answer('how do i use docker checkpoint to move a running container');
    expect(answer).toMatchObject({ answered: false, abstention: 'not-yet', topic: null });
    expect(answer.text).toMatch(/a Docker question, but none of my topics covers it yet/);
    expect(answer.text).not.toMatch(/I only cover Docker concepts/);
  });

  test('GIVEN a docker command THEN the topics that do not explain it rank after those that do, below the answering threshold', () => {
    const ranked = engine.rank('how do i use docker cp with a volume');
    expect(ranked[0]?.topic.id).toBe('docker-cp');
    const firstUnexplained = ranked.findIndex((r) => r.unexplained.includes('dockercp'));
    expect(firstUnexplained).toBeGreaterThan(0);
    expect(ranked.slice(firstUnexplained).every((r) => r.unexplained.length > 0 && r.confidence < 0.5)).toBe(true);
  });

  test('GIVEN a long flag few topics name THEN topics that do not explain it cannot answer for it', () => {
    const ranked = engine.rank('docker run --gpus all');
    expect(ranked[0]?.topic.id).toBe('gpus');
    const dockerRun = ranked.find((r) => r.topic.id === 'docker-run');
    expect(dockerRun?.unexplained).toEqual(['--gpus']);
    expect(dockerRun?.confidence).toBeLessThan(0.5);
  });

  test('GIVEN an English word that is also a subcommand ("under load") THEN it decides nothing when no topic about it could answer', () => {
    expect(topicOf('my container keeps dying with exit code 137 under load')).not.toBe('save-load-export-import');
  });

  test.each([
    ['ímage vs contáiner', 'image-vs-container'],
    ['docker mont a volume', 'volumes'],
    ['how do i buld an image', 'docker-build'],
    ['biuld an image', 'docker-build'],
  ])('GIVEN %j with accents or a slip in a short word THEN it is folded or corrected into a Docker term', (question, topic) => {
    expect(topicOf(question)).toBe(topic);
  });

  test('GIVEN an answer THEN it says how much of the question the topic explains; an abstention explains nothing', () => {
    expect(engine.answer('docker cp').explainedShare).toBe(1);
    expect(engine.answer('how do i copy a file from a container to my host and then email it to my boss').explainedShare).toBeLessThan(1);
    expect(engine.answer('best pizza toppings')).toMatchObject({ explainedShare: 0, abstention: 'off-topic' });
    expect(engine.answer('   ')).toMatchObject({ abstention: 'empty' });
  });
});

describe('AnswerEngine: the subject and Docker-signal gates (issue 10 §1, second round)', () => {
  test.each(['should i use watchtower to auto update my containers', 'how do i mount an nfs share into a docker container', 'what is docker build cloud'])(
    'GIVEN the Docker question %j, whose subject no topic explains THEN it abstains with "not yet"',
    (question) => {
      const answer = engine.answer(question);
      expect(answer).toMatchObject({ answered: false, abstention: 'not-yet', topic: null });
    },
  );

  test.each([
    ['what is a gpu', 'gpus'],
    ['what is dns', 'network-drivers'],
    ['ssh into a remote server', 'docker-context'],
  ])('GIVEN %j, general computing with nothing of Docker THEN it abstains as off-topic, offering %s as a near miss', (question, nearMiss) => {
    const answer = engine.answer(question);
    expect(answer).toMatchObject({ answered: false, abstention: 'off-topic' });
    expect(answer.suggestions.map((s) => s.id)).toContain(nearMiss);
  });

  test.each([
    ['how do i use nvidia gpus in docker', 'gpus'],
    ['how do containers resolve dns names', 'network-drivers'],
    ['what is the host network driver', 'network-drivers'],
    ['why is my second build so fast', 'build-cache'],
    ['ok so i have a mysql container for my uni project and every time i remove it and run it again all my tables are gone, my friend said use volumes but idk how to set one up', 'volumes'],
  ])('GIVEN %j, the same words in Docker\'s sense or rare words as context THEN it still answers with %s', (question, topic) => {
    expect(topicOf(question)).toBe(topic);
  });
});

// The gates' own examples, written for them from general knowledge: not evaluation questions.
describe('AnswerEngine: features, other tools and the asker\'s setting (issue 10 §1, third round)', () => {
  test.each([
    'what is docker machine and do i still need it',
    'how do i install a docker extension in docker desktop',
    'how do i set up a kind cluster for my tests',
    'how do i raise --shm-size for my container',
  ])('GIVEN the Docker question %j, about a feature or flag no topic explains THEN it abstains with "not yet"', (question) => {
    expect(engine.answer(question)).toMatchObject({ answered: false, abstention: 'not-yet', topic: null });
  });

  test.each(['how do i undo my last git commit but keep the changes', 'which process is using port 3000 on ubuntu', 'virtualbox guest additions will not install on ubuntu 24.04'])(
    'GIVEN %j, Docker\'s verbs and numbers in a question about another tool THEN it abstains as off-topic',
    (question) => {
      expect(engine.answer(question)).toMatchObject({ answered: false, abstention: 'off-topic' });
    },
  );

  test.each([
    ['what does docker scout do', 'image-supply-chain'],
    ['how do i clean up old docker images, my synology is out of space', 'managing-images'],
  ])('GIVEN %j, a feature a topic names or a rare word that is the asker\'s own THEN it still answers with %s', (question, topic) => {
    expect(topicOf(question)).toBe(topic);
  });
});

// Written for the asker's-world changes from general knowledge (apps and stacks of the workload list's
// categories): not evaluation questions.
describe('AnswerEngine: the asker\'s world is context, not the subject (issue 10 §1, fourth round)', () => {
  test.each([
    ['bind mount or named volume for the jellyfin config folder', 'bind-mounts'],
    ['is it worth running containers for a box that only hosts nextcloud and vaultwarden', 'why-containers'],
  ])('GIVEN %j, a Docker question set in the asker\'s apps and stack THEN it answers with %s', (question, topic) => {
    expect(topicOf(question)).toBe(topic);
  });

  test.each([
    'how do i add a library to jellyfin',
    'how do i install sonarr on windows',
    'best settings for vaultwarden backups',
    'how do i train a pytorch model on two gpus',
    // These say something of Docker ("keeps restarting", "logs", "cache"), but not surely: they may be about the app.
    'immich keeps restarting',
    'how do i see the logs of ollama',
    'homarr cache is huge, how do i clean it',
    'nextcloud says the data directory is not writable',
  ])(
    'GIVEN %j, a question about the app itself, not surely about Docker THEN it still abstains',
    (question) => {
      expect(engine.answer(question)).toMatchObject({ answered: false });
    },
  );

  test.each([
    ['FROM scratch, nothing inside?', 'base-images'],
    ['is there truly nothing inside FROM scratch', 'base-images'],
  ])('GIVEN %j, a Dockerfile instruction in capitals THEN it names Docker\'s world and answers with %s', (question, topic) => {
    expect(topicOf(question)).toBe(topic);
  });

  test.each([
    ['how large may a tmpfs mount grow', 'tmpfs-mounts'],
    ['prune dangling images weekly', 'managing-images'],
  ])('GIVEN %j, a short question with two of Docker\'s own words THEN it names Docker\'s world and answers with %s', (question, topic) => {
    expect(topicOf(question)).toBe(topic);
  });

  test.each(['health check for my car', 'what is the volume of a sphere', 'mount a tv on the wall', 'how do i rotate nginx logs', 'how do i compress a folder into a tar.gz'])(
    'GIVEN %j, a short question with one of Docker\'s words at most, or a word of another world THEN every word still decides and it abstains',
    (question) => {
      expect(engine.answer(question)).toMatchObject({ answered: false });
    },
  );
});

describe('spelling against the shipped knowledge (issue 10 §1)', () => {
  const { lexicon } = buildPhraseIndex(knowledge);
  const spelt = (word: string) => correctAndStem([word], lexicon)[0]!;

  test.each([
    ['mont', 'mount'],
    ['buld', 'build'],
    ['biuld', 'build'],
  ])('GIVEN the slip %s THEN it is corrected into the Docker term %s', (typo, word) => {
    expect(spelt(typo)).toMatchObject({ term: stemToken(word) });
    expect(spelt(typo).distance).toBeGreaterThan(0);
  });

  test.each(['love', 'test', 'redis'])('GIVEN %s THEN it stays as typed', (word) => {
    expect(spelt(word)).toEqual({ term: stemToken(word), distance: 0 });
  });

  test.each(['extension', 'machine', 'thinking', 'tired'])('GIVEN the common English word %s THEN it is never corrected into another word', (word) => {
    expect(spelt(word)).toEqual({ term: stemToken(word), distance: 0 });
  });
});
