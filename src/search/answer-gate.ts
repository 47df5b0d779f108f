import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { analyseText, INSTRUCTIONS, stemToken } from './analyse-text.ts';
import { commonStems, COMMON_ENGLISH_STEMS } from './common-english.ts';

export { COMMON_ENGLISH_SIZE, COMMON_ENGLISH_STEMS } from './common-english.ts';

/**
 * Informal and abbreviated words that learners write in chat and that film subtitles rarely use: they are
 * filler, not subjects. Written by hand for this engine (no source list), general English chat and
 * programmers' shorthand only: no Docker term and no product name.
 */
export const INFORMAL_ENGLISH: ReadonlySet<string> = new Set(
  `uni mid src dst dest etc repo repos config configs cfg app apps dev devs prod info docs doc admin tmp temp dir
   dirs env envs var vars arg args param params spec specs lib libs pkg pkgs cmd cmds msg msgs pic pics vid
   vids rn asap gotta btw iirc afaik tldr tl dr eg ie vs w wo bc b4 thx tysm ppl smth sth pls plz irl`
    .split(/\s+/)
    .filter(Boolean)
    .map(stemToken),
);

/**
 * What people put *in* containers and run them on: languages, frameworks, databases, servers, distributions
 * (and their release code names), environment managers, self-hosted apps and home-server hardware. In a
 * question that names Docker they are the asker's stack, the context of the question ("how do i
 * dockerize my **django** app", "my **laravel** container cant write to storage", "named volume for **plex**"),
 * not its subject. Written by hand for this engine from widely used open-source stacks and self-hosting
 * setups, not from any evaluation question.
 */
export const STACK_WORDS: ReadonlySet<string> = new Set(
  `python java javascript typescript node nodejs deno bun npm yarn pnpm pip pipenv poetry ruby gem php composer
   go golang rust cargo kotlin scala elixir erlang haskell perl dotnet csharp aspnet gradle maven jar war
   react vue angular svelte nextjs nuxt vite webpack express nestjs django flask fastapi rails laravel symfony
   spring springboot quarkus gunicorn uvicorn celery
   mysql mariadb postgres postgresql mongodb mongo redis sqlite cassandra elasticsearch opensearch kafka
   rabbitmq memcached neo4j influxdb clickhouse
   nginx apache httpd tomcat caddy haproxy
   ubuntu debian alpine fedora centos rhel rocky alma busybox distroless
   wordpress drupal ghost jupyter pytorch tensorflow ollama grafana prometheus jenkins gitea nextcloud minecraft
   bookworm bullseye buster trixie jammy focal noble bionic
   conda anaconda miniconda venv virtualenv nvm numpy pandas scipy
   plex jellyfin emby pihole adguard homeassistant vaultwarden bitwarden sonarr radarr qbittorrent mailhog mailpit
   adminer phpmyadmin pgadmin mosquitto nodered keycloak minio
   nas synology qnap unraid truenas proxmox homelab raspberry rpi`
    .split(/\s+/)
    .filter(Boolean)
    .map(stemToken),
);

const Categories = z.record(z.string(), z.array(z.string().min(1)).min(1));
const WorkloadVocabularySchema = z.strictObject({ source: z.string().min(1), workloads: Categories, platforms: Categories });
const WORKLOAD_VOCABULARY = WorkloadVocabularySchema.parse(JSON.parse(readFileSync(new URL('./workload-vocabulary.json', import.meta.url), 'utf8')));

/**
 * A list's names analysed as questions are ("eclipse-temurin" is two terms), without the words that are
 * common English ("ghost", "spark"): the gates never take one for a subject, and it would make everyday
 * questions look like the asker's world.
 */
function rareTermsOf(categories: Readonly<Record<string, readonly string[]>>): ReadonlySet<string> {
  return new Set(
    Object.values(categories)
      .flat()
      .flatMap((name) => analyseText(name))
      .filter((term) => /^\p{L}[\p{L}\p{N}]+$/u.test(term) && !COMMON_ENGLISH_STEMS.has(term)),
  );
}

/**
 * What people run *in* containers, by category (`workload-vocabulary.json`, whose `source` says where it
 * comes from): language runtimes, web frameworks, databases, web servers, distributions, self-hosted
 * applications, the data-science and machine-learning stack. Unlike {@link STACK_WORDS} it leaves out build
 * tools, package managers and other tools that have caches, images and builds of their own ("gradle"), so in
 * a question surely about Docker a workload is the asker's world, not the subject: "named volume or bind mount
 * for the **plex** config" (see {@link isAskersWorld}).
 */
export const WORKLOAD_WORDS: ReadonlySet<string> = rareTermsOf(WORKLOAD_VOCABULARY.workloads);

/**
 * What people run containers *on* (the same file's `platforms`: NAS systems, single-board computers,
 * workstations and GPU lines): the asker's world in a question that names Docker or calls it theirs, but not
 * in one that merely says something of Docker: "clean up old images on a **synology**" may be about photos.
 */
export const PLATFORM_WORDS: ReadonlySet<string> = rareTermsOf(WORKLOAD_VOCABULARY.platforms);

/**
 * Whether a term is of the asker's stack in the widest sense: {@link STACK_WORDS}, {@link WORKLOAD_WORDS} or
 * {@link PLATFORM_WORDS}. Each is another world of computing for the Docker signal ("immich keeps restarting"
 * may be about immich's own restarts) and context in a question that names Docker.
 */
export function isAskersStack(term: string): boolean {
  return STACK_WORDS.has(term) || WORKLOAD_WORDS.has(term) || PLATFORM_WORDS.has(term);
}

/**
 * Prefixes that make a new word of a known one: "redownload", "overkill", "unpublish", and the placeholder
 * names learners give things ("mycontainer", "myapp").
 */
const WORD_PREFIXES = ['re', 'un', 'pre', 'over', 'under', 'sub', 'non', 'my'];

/** The terms `markInstructions` makes of Dockerfile instructions in capitals (`VOLUME` → `volumeline`), stemmed: Docker's own. */
export const INSTRUCTION_TERMS: ReadonlySet<string> = new Set([...INSTRUCTIONS].map((i) => stemToken(i === 'FROM' ? 'fromline' : `${i.toLowerCase()}line`)));

/**
 * Rare words must be at least this share of a question's distinct terms to decide it: in a question of
 * more than eight terms, one rare word is the asker's context (their database, their city), not its subject.
 */
export const MIN_SUBJECT_SHARE = 1 / 8;

/** A query term as the gate sees it. */
export interface GateTerm {
  /** The analysed term (a stem, a flag, a joined docker command). */
  term: string;
  /** 1 when written as is; less for a spelling correction (never a subject: "stuck" is not `docker stack`). */
  certainty: number;
}

/** What the gate needs to know about one ranked topic. */
export interface GatedTopic {
  /** 0..1, multiplied down for each subject the topic leaves unexplained. */
  confidence: number;
  /** The question's terms that this topic must explain but does not; the gate appends to it. */
  unexplained: string[];
}

/**
 * What every gate after ranking does with the words it decided on: each ranked topic that does not explain a
 * word gets it in its `unexplained` list (once) and its confidence multiplied by `penalty` for it. In place.
 */
export function penalizeUnexplained<T extends GatedTopic>(ranked: readonly T[], words: readonly string[], explains: (topic: T, word: string) => boolean, penalty: number): void {
  for (const r of ranked) {
    for (const word of words) {
      if (explains(r, word) || r.unexplained.includes(word)) continue;
      r.unexplained.push(word);
      r.confidence *= penalty;
    }
  }
}

/**
 * A word that can be the *subject* of a question: a rare word (not common English), written as is, made
 * of letters and digits and starting with a letter ("watchtower", "nfs", "ipv6", "x11"), and not one of
 * the words that merely place the question in Docker's world (`anchors`: "docker", "dockerfile"...).
 * Flags and docker commands are decided elsewhere (decisive terms).
 */
export function isRareSubject(t: GateTerm, anchors: ReadonlySet<string>, known: (term: string) => boolean): boolean {
  const { term } = t;
  // Letters, then at most two digits ("ipv6", "x11"); "abc123" and "3x" are ids and numbers.
  if (t.certainty !== 1 || !/^\p{L}[\p{L}\p{N}]+$/u.test(term) || /\p{N}{3}|\p{N}\p{L}/u.test(term)) return false;
  if (COMMON_ENGLISH_STEMS.has(term) || INFORMAL_ENGLISH.has(term) || anchors.has(term)) return false;
  // A known word with a prefix: "redownload", "overkill", "mycontainer".
  return !WORD_PREFIXES.some((prefix) => {
    if (!term.startsWith(prefix) || term.length - prefix.length < 3) return false;
    const rest = term.slice(prefix.length);
    // The stem of "overkill" is "overkil": Porter's last step drops one l of a final "ll", so try it back.
    const forms = [rest, stemToken(rest), `${rest}${rest.at(-1)!}`];
    return forms.some((form) => COMMON_ENGLISH_STEMS.has(form) || known(form));
  });
}

/**
 * The words that directly follow "my", "our" or "your" in a cleaned question, stemmed: the asker's own things
 * ("clean up images, **my synology** is out of space", "a registry on **our nas**"), the setting of the
 * question rather than its subject. Bounded by the question's length (one pass of one regular expression).
 */
export function possessedTerms(cleaned: string): Set<string> {
  return new Set([...cleaned.matchAll(/(?<![\p{L}\p{N}])(?:my|our|your)\s+([\p{L}][\p{L}\p{N}]*)/gu)].map((m) => stemToken(m[1]!)));
}

/** Where a question stands, as the gates read it: what says the asker's world is context rather than the subject. */
export interface QuestionSetting {
  /** Whether it names Docker's world as typed ("docker", "container"...). */
  anchored: boolean;
  /** Whether it says something of Docker (see {@link DockerSignal}). */
  dockerish: boolean;
  /**
   * Whether it says so beyond doubt: it names Docker's world (an anchor, a flag, a docker command, a Dockerfile
   * instruction in capitals) or uses {@link DOCKER_TERMS_FOR_WORKLOADS} of Docker's own words (see
   * {@link DockerSignal.dockerTermCount}: "bind mount or named volume ... config"). "jellyfin keeps restarting" says
   * something of Docker, but may be about jellyfin's own restarts.
   */
  surelyDocker: boolean;
  /** The stems of the words the asker calls theirs; see {@link possessedTerms}. */
  possessed: ReadonlySet<string>;
}

/**
 * How many of Docker's own words make a question surely Docker's (see {@link QuestionSetting.surelyDocker}):
 * "bind mount or named volume for the plex config" has three; "nextcloud says the data directory is not
 * writable" two, which Docker's words share with every file system.
 */
export const DOCKER_TERMS_FOR_WORKLOADS = 3;

/**
 * Whether a term is the asker's world, the setting of the question rather than its subject: in a question that
 * names Docker as typed, the asker's stack, workloads and platforms ({@link STACK_WORDS}, {@link WORKLOAD_WORDS},
 * {@link PLATFORM_WORDS}: "django", "postgres", "synology"); in one surely about Docker, a workload ("named
 * volume or bind mount for the **plex** config"); in one that says something of Docker, the asker's own things
 * ("**my** homelab"). "gradle build is slow, how do i enable the build cache" names no Docker, and is about
 * gradle; "jellyfin keeps restarting" and "how do i see the logs of jellyfin" may be about jellyfin itself.
 */
export function isAskersWorld(term: string, setting: QuestionSetting): boolean {
  if (setting.anchored && isAskersStack(term)) return true;
  if (setting.surelyDocker && WORKLOAD_WORDS.has(term)) return true;
  return setting.dockerish && setting.possessed.has(term);
}

/** What the subject gate needs to know about the knowledge base. */
export interface SubjectGateContext<T extends GatedTopic = GatedTopic> {
  /** Whether a topic explains a term (its phrases other than the body use it). */
  explains: (topic: T, term: string) => boolean;
  /** How many topics explain a term: when some do, ranking rather than the subject gate decides between them. */
  explainingTopics: (term: string) => number;
  /** Whether the knowledge base uses a term at all (bodies included): "download" in "redownload". */
  known: (term: string) => boolean;
  /** The words that place a question in Docker's world ("docker", "container"): never a subject. */
  anchors: ReadonlySet<string>;
  /** What a topic's confidence is multiplied by for each subject it leaves unexplained. */
  penalty: number;
}

/**
 * The subject gate, a step after ranking: a question's rare words are what it is about. A rare word (see
 * {@link isRareSubject}) that no topic explains, in a question where such words are at least
 * {@link MIN_SUBJECT_SHARE} of the terms, means the knowledge base has no topic on the question: "should i
 * use **watchtower** to auto update my containers" is not answered by *Restart policies*, however well it
 * explains "auto", "update" and "containers". In a question that names Docker, the asker's stack
 * ({@link STACK_WORDS}: "django", "postgres") is context, not a subject ("gradle build is slow, how do i
 * enable the build cache" names no Docker, and is about gradle); in one that says something of Docker, so are
 * the asker's own things (`possessed`, see {@link possessedTerms}: "my **nas**"). Each subject word multiplies the
 * confidence of every topic that does not explain it by the penalty and is added to that topic's
 * `unexplained` list; the caller re-sorts. A rare word that some topic explains
 * ("cron", "npm") is left to the ranking, and so are common English words: in a Docker question they are
 * mostly chatty filler ("tip", "bunch", "wheel").
 *
 * @param terms the question's distinct analysed terms, known to the knowledge base or not
 * @param setting how surely the question is about Docker, and what the asker calls theirs: what says a rare word
 *   is the asker's world ({@link isAskersWorld})
 * @param ranked the ranked topics; their confidences and `unexplained` lists are changed in place
 * @returns the question's unexplained rare subject words (none when the gate does not apply)
 */
export function applySubjectGate<T extends GatedTopic>(terms: readonly GateTerm[], setting: QuestionSetting, ranked: readonly T[], context: SubjectGateContext<T>): string[] {
  const { explains, explainingTopics, known, anchors, penalty } = context;
  const subjects = terms
    // A long flag as typed is as specific as a rare word: "how do i raise --shm-size".
    .filter((t) => explainingTopics(t.term) === 0 && (isRareSubject(t, anchors, known) || (t.certainty === 1 && /^--\p{L}/u.test(t.term))))
    .filter((t) => !isAskersWorld(t.term, setting))
    .map((t) => t.term);
  // In a long question one rare word is context ("my mysql container for my uni project ... volumes").
  if (subjects.length === 0 || subjects.length / terms.length < MIN_SUBJECT_SHARE) return [];
  penalizeUnexplained(ranked, subjects, explains, penalty);
  return subjects;
}

/**
 * Words of computing in general, which a Docker topic may explain but which do not make a question about
 * Docker: "what is a **gpu**", "what is **dns**", "**ssh** into a **remote server**". Written by hand for
 * this engine from general computing vocabulary (hardware, operating systems, networking, languages and
 * their package managers, other tools), not from any evaluation question.
 */
export const GENERAL_COMPUTING: ReadonlySet<string> = new Set(
  `computer pc laptop desktop hardware gpu gpus cpu cpus core cores ram memory disk disks drive ssd hdd usb device
   devices driver drivers nvidia cuda monitor screen keyboard
   os operating system systems linux windows mac macos ubuntu debian fedora centos arch android ios kernel
   process processes thread threads program programs software app application applications file files folder
   folders directory path permission permissions user users admin root password shell bash zsh powershell
   terminal console command commands script scripts cron job jobs service services daemon boot reboot update
   upgrade install installer download
   network networks networking internet wifi router dns ip ipv4 ipv6 tcp udp http https ssl tls ssh vpn proxy
   firewall port ports server servers remote client host hosting website web domain url browser email
   cloud aws azure gcp vps vm vms virtual machine machines virtualbox vmware
   code coding programming language python java javascript typescript node nodejs npm pip ruby gem php go
   rust cargo gradle maven jar package packages library libraries framework react django flask rails spring
   database databases sql mysql postgres postgresql mongodb redis sqlite query
   git github gitlab commit branch merge repository api json yaml xml csv
   compile compiler debug debugger test tests testing deploy deployment`
    .split(/\s+/)
    .filter(Boolean)
    .map(stemToken),
);

/**
 * A word of computing that is no English word: another tool or system ("git", "npm", "ssh", "nginx"). A topic
 * name that holds one ("git commit", used in a comparison) is that tool's, not Docker's.
 */
function isOtherTool(term: string): boolean {
  return (GENERAL_COMPUTING.has(term) || isAskersStack(term)) && !COMMON_ENGLISH_STEMS.has(term);
}

/**
 * A term of another world of computing, or a number: a word pair that holds one ("install ubuntu", "ubuntu
 * 24") says nothing of Docker, however many topics use it.
 */
export function isOtherWorldTerm(term: string): boolean {
  return GENERAL_COMPUTING.has(term) || isAskersStack(term) || !/\p{L}/u.test(term);
}

/** How common a word must be (its rank in `common-english.txt`) to say nothing of Docker on its own: "build", "run", "stop". */
export const EVERYDAY_ENGLISH_SIZE = 2_000;

/** The stems of the {@link EVERYDAY_ENGLISH_SIZE} most frequent words. */
export const EVERYDAY_ENGLISH_STEMS: ReadonlySet<string> = new Set(commonStems(EVERYDAY_ENGLISH_SIZE));

/** What {@link DockerSignal} reads of a question. */
export interface SignalQuery {
  /** Its distinct analysed terms. */
  terms: readonly GateTerm[];
  /** Whether it names Docker's world ("docker", "dockerfile", "compose", "container"...), as typed. */
  anchored: boolean;
  /** For each topic, how many of the question's neighbouring term pairs its phrases (bodies aside) also use. */
  sharedPairs: ReadonlyMap<string, number>;
  /** Whether the knowledge base uses a term at all (bodies included); without it every term counts as known. */
  known?: (term: string) => boolean;
}

/**
 * Anchors that are also everyday words in another sense: "compose" music, food "containers". Alone they place
 * a question in Docker's world only if it has no everyday word the knowledge base never uses ("music",
 * "film", "food"); otherwise the question needs another signal. Written by hand from the anchors.
 */
const EVERYDAY_SENSE_ANCHORS: ReadonlySet<string> = new Set(['compose', 'container'].map(stemToken));

/**
 * How many neighbouring word pairs a question must share with one topic's phrases (bodies aside) to speak
 * Docker's language without naming it: "npm install runs every build" shares "npm install", "install run"...
 * with *Build cache*; "ssh into a remote server" shares one pair with *docker context*.
 */
export const SIGNAL_SHARED_PAIRS = 2;

/**
 * Whether a question says anything of Docker. It does when it names Docker's world (`anchored`, or an anchor
 * word corrected from a typo: "containr"), writes a flag or a docker command, uses a docker subcommand as a
 * verb in a question with no word of general computing ("why is my second build so fast", not "how do i
 * build an npm package"), uses a term that names a topic (title, alias, keyword or command) and is neither
 * general computing ({@link GENERAL_COMPUTING}) nor everyday English ({@link EVERYDAY_ENGLISH_STEMS}):
 * "volume", "mount", "layer", "registry", "dangling", "entrypoint"; uses every word of a topic's name of two
 * words or more ("host network", "exit code", "build cache"), or shares {@link SIGNAL_SHARED_PAIRS} word pairs
 * with one topic's phrases. A question that says nothing of Docker ("what is a gpu", "what is dns", "ssh into a
 * remote server") gets an answer only on far stronger evidence: the engine multiplies its confidences down.
 */
export class DockerSignal {
  /** Every analysed term that names a topic. */
  readonly #namingTerms = new Set<string>();
  /** Topic names of two terms or more, analysed, indexed by their first term. */
  readonly #namePhrases = new Map<string, string[][]>();
  readonly #isCommand: (term: string) => boolean;
  readonly #isSubcommand: (term: string) => boolean;
  readonly #anchors: ReadonlySet<string>;

  /**
   * @param names every topic's naming phrases (title, aliases, keywords, commands), analysed into terms
   * @param vocabulary `anchors`: the words that name Docker's world; `isCommand`: whether a term is a docker
   *   command (`dockercp`); `isSubcommand`: whether it is a docker subcommand written alone (`build`, `run`)
   */
  constructor(
    names: Iterable<readonly string[]>,
    vocabulary: { anchors: ReadonlySet<string>; isCommand: (term: string) => boolean; isSubcommand: (term: string) => boolean },
  ) {
    this.#isCommand = vocabulary.isCommand;
    this.#isSubcommand = vocabulary.isSubcommand;
    this.#anchors = vocabulary.anchors;
    for (const name of names) {
      for (const term of name) this.#namingTerms.add(term);
      const distinct = [...new Set(name)];
      if (distinct.length < 2) continue;
      const list = this.#namePhrases.get(distinct[0]!) ?? [];
      list.push(distinct);
      this.#namePhrases.set(distinct[0]!, list);
    }
  }

  /**
   * How many of the terms, as typed, are Docker's own words by the measure of {@link has}: they name a topic
   * and are neither everyday English, nor general computing, nor the asker's stack or workloads ("tmpfs",
   * "mount", "multistage", "secret", "dangling"). Bounded by the terms given.
   */
  dockerTermCount(terms: readonly GateTerm[]): number {
    return terms.filter(
      (t) => t.certainty === 1 && /^\p{L}/u.test(t.term) && this.#namingTerms.has(t.term) && !EVERYDAY_ENGLISH_STEMS.has(t.term) && !GENERAL_COMPUTING.has(t.term) && !isAskersStack(t.term),
    ).length;
  }

  /** Whether the question says anything of Docker; see the class. */
  has(query: SignalQuery): boolean {
    const typed = new Set(query.terms.filter((t) => t.certainty === 1).map((t) => t.term));
    const foreign = query.known !== undefined && [...typed].some((t) => COMMON_ENGLISH_STEMS.has(t) && /^\p{L}{3,}$/u.test(t) && !isOtherWorldTerm(t) && !query.known!(t));
    // Only an everyday-sense anchor, beside an everyday word the knowledge base never uses: "compose music".
    const weak = foreign && ![...typed].some((t) => this.#anchors.has(t) && !EVERYDAY_SENSE_ANCHORS.has(t));
    if (query.anchored && !weak) return true;
    // Another world of computing in the question: its hardware, systems, tools or the asker's stack ("nginx").
    const computing = query.terms.some((t) => GENERAL_COMPUTING.has(t.term) || isAskersStack(t.term));
    for (const { term } of query.terms) {
      // A misspelt "containr" or "dockerfle" still names Docker's world.
      if ((this.#anchors.has(term) && !(weak && EVERYDAY_SENSE_ANCHORS.has(term))) || term.startsWith('-') || this.#isCommand(term)) return true;
      // "why is my second build so fast": a docker verb, in a question about nothing else of computing.
      if (typed.has(term) && !computing && this.#isSubcommand(term)) return true;
      // A word Docker names is Docker's unless it is everyday English, or common English or a verb other tools
      // share ("commit", "tag", "restart") in a question about another world of computing ("undo my last git
      // commit", "tag a release in git").
      const ambiguous = EVERYDAY_ENGLISH_STEMS.has(term) || (computing && (COMMON_ENGLISH_STEMS.has(term) || this.#isSubcommand(term)));
      // Numbers name nothing by themselves: "port 8080", "ubuntu 24.04".
      if (typed.has(term) && /\p{L}/u.test(term) && this.#namingTerms.has(term) && !GENERAL_COMPUTING.has(term) && !ambiguous) return true;
      if (this.#namePhrases.get(term)?.some((phrase) => phrase.every((t) => typed.has(t)) && !phrase.some(isOtherTool))) return true;
    }
    for (const count of query.sharedPairs.values()) if (count >= SIGNAL_SHARED_PAIRS) return true;
    return false;
  }
}

/**
 * In a short question that names Docker ("what is docker build cloud", "docker buildx bake what is a bake
 * file"), every word but the anchors is the subject: at most this many such words, each must be explained
 * by the answering topic. Longer questions carry filler ("why is my docker build so slow lol").
 */
export const SHORT_DOCKER_QUESTION_TERMS = 3;

/**
 * A word that this many topics explain ("instruction", "layer") is Docker's general vocabulary, which the
 * ranking weighs; the short-question gate leaves it to the ranking.
 */
export const WIDELY_EXPLAINED = 3;


/**
 * The short-question gate: see {@link SHORT_DOCKER_QUESTION_TERMS}. Words corrected from a typo, flags,
 * words of fewer than three letters, everyday English, the asker's stack ({@link STACK_WORDS}) and words that
 * {@link WIDELY_EXPLAINED} topics explain are left out; each word a topic leaves unexplained multiplies its
 * confidence by the penalty.
 * @returns the words that decide (none when the question is not short or not anchored)
 */
export function applyShortQuestionGate<T extends GatedTopic>(terms: readonly GateTerm[], anchored: boolean, ranked: readonly T[], context: SubjectGateContext<T>): string[] {
  if (!anchored) return [];
  const words = terms.filter((t) => !context.anchors.has(t.term) && !INSTRUCTION_TERMS.has(t.term));
  if (words.length === 0 || words.length > SHORT_DOCKER_QUESTION_TERMS) return [];
  const subjects = words
    .filter((t) => t.certainty === 1 && /^\p{L}{3,}$/u.test(t.term) && !EVERYDAY_ENGLISH_STEMS.has(t.term) && !isAskersStack(t.term))
    .filter((t) => context.explainingTopics(t.term) < WIDELY_EXPLAINED)
    .map((t) => t.term);
  penalizeUnexplained(ranked, subjects, context.explains, context.penalty);
  return subjects;
}
