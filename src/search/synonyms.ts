import { JOINED_SUBCOMMANDS } from './docker-vocabulary.ts';

/**
 * Multi-word forms rewritten before tokenising, so that every way of saying a thing becomes one token.
 * Applied to knowledge text and queries alike; order matters (longer forms first).
 */
export const PHRASE_SYNONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bvirtual[\s-]*machines?\b/g, 'vm'],
  [/\bdocker[\s-]compose\b/g, 'compose'],
  [/\bdocker[\s-]?file\b|\bdocker file\b/g, 'dockerfile'],
  [/\bentry[\s-]point\b/g, 'entrypoint'],
  [/\bcopy[\s-]on[\s-]write\b/g, 'copyonwrite'],
  [/\b(?:env|environment)[\s-]?var(?:iable)?s?\b/g, 'envvar'],
  [/\bdocker[\s-]?hub\b/g, 'dockerhub'],
  // A Docker command is a term of its own as well as its words: "docker rm" is narrower than "remove".
  [new RegExp(`\\bdocker (${JOINED_SUBCOMMANDS.join('|')})\\b`, 'g'), 'docker $1 docker$1'],
  // `docker login` said as words.
  [/\blog(?:ging|ged|s)?[\s-]in(?:to)?\b/g, 'login'],
  // Docker's words in their other senses: the steel box and the boat are not containers to run.
  [/\bshipping[\s-]containers?\b|\bcontainer[\s-]?ships?\b|\bcargo[\s-]containers?\b|\bintermodal[\s-]containers?\b/g, 'cargobox'],
  [/\bmulti[\s-]?stage\b/g, 'multistage'],
  [/\bbuild[\s-]?kit\b/g, 'buildkit'],
  [/\bcontrol groups?\b/g, 'cgroup'],
  [/\bc[\s-]groups?\b/g, 'cgroup'],
  [/\bbind[\s-]?mounts?\b/g, 'bindmount'],
  [/\bport[\s-]?forward(?:ing)?\b/g, 'publish port'],
  [/\bwhat'?s the diff(?:erence)?\b/g, 'vs'],
  [/\bdiff(?:erence)?s? (?:between|b\/w|btwn)\b/g, 'vs'],
  [/\bwhich (?:one )?is which\b/g, 'vs'],
  [/\bw\/o\b/g, 'without'],
  [/\bw\//g, 'with '],
  [/\bb\/w\b/g, 'between'],
  [/(^|\s)&(\s|$)/g, ' and '],
  [/\bhello[\s-]world\b/g, 'helloworld'],
  // "in layman's terms", "in docker terms": the idiom asks for nothing but the word it frames.
  [/\bin ([\w']+) terms\b/g, '$1'],
  // "dev, staging and prod", "dev/test/prod": the same image in every environment.
  [/\bdev(?:elopment)?\s*(?:,|\/|and)?\s*(?:staging|stage|test|qa)\s*(?:,|\/|and)?\s*prod(?:uction)?\b/g, 'development production'],
  // "docker ate my disk", "eating up all my disk space": disk usage.
  [/\b(?:ate|eat|eats|eating|fill(?:s|ed|ing)?(?: up)?|full) (?:up )?(?:all )?(?:of )?(?:my |the )?(?:disk|drive|storage)\b/g, 'disk space'],
  [/\b(?:spin|spins|spinning|spun|fire|fires|fired|firing|boot|boots|booted|booting)[\s-]up\b/g, 'run'],
  [/\bbreak(?:s|ing)?[\s-]out\b|\bbreakout\b/g, 'escape'],
  // "explain it like I'm 5" is the ELI5 of forums.
  [/\blike (?:i'?m|i am) (?:5|five)\b/g, ' eli5 '],
  // "1.2gb", "800 MB": a size.
  [/\b\d+(?:[.,]\d+)?\s?(?:[kmgt]i?b|gigs?|megs?)\b/g, ' size '],
  // "10 secs", "30s", "5 minutes": a duration, however it is written.
  [/\b(\d+)\s?(?:ms|s|secs?|seconds?|mins?|minutes?|hrs?|hours?)\b/g, ' $1 duration '],
  // "exec-ing", "rm-ed": a verb bent with a hyphen.
  [/([a-z])-(ing|ed)\b/g, '$1$2'],
  [/(^|\s)\.dockerignore\b/g, ' dockerignore'],
  [/\bwon'?t\b/g, 'not'],
  [/\bcan'?t\b|\bcannot\b/g, 'not'],
  [/'(?:s|re|ve|ll|d|m)\b/g, ''],
  [/n't\b/g, ' not'],
];

/**
 * Single-word slang, short forms and spellings, mapped to the word the knowledge base uses.
 * A value may hold several words ("rmi" is "remove image").
 */
export const WORD_SYNONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    img: 'image', imgs: 'images', imgae: 'image', imge: 'image', iamge: 'image', immage: 'image', pic: 'image',
    ctr: 'container', ctrs: 'containers', cntr: 'container', cntnr: 'container', cont: 'container',
    contianer: 'container', containter: 'container', contaier: 'container',
    diff: 'vs', dif: 'vs', difference: 'vs', differences: 'vs',
    versus: 'vs', v: 'vs', compare: 'vs', compared: 'vs', comparison: 'vs', between: 'vs',
    n: 'and', '&': 'and', '+': 'and',
    vms: 'vm', hypervisors: 'hypervisor',
    repo: 'repository', repos: 'repositories',
    env: 'environment', vars: 'variables', var: 'variable',
    config: 'configuration', configs: 'configuration',
    dir: 'directory', dirs: 'directories', folder: 'directory', folders: 'directories',
    db: 'database', mem: 'memory', ram: 'memory',
    perms: 'permissions', perm: 'permission',
    ls: 'list', rmi: 'remove image', rm: 'remove', del: 'delete', nuke: 'delete',
    auth: 'login', creds: 'credentials',
    cli: 'client',
    yml: 'yaml',
    exe: 'executable', bin: 'binary',
    tmp: 'temporary',
    pw: 'password', pwd: 'password', passwd: 'password',
    sec: 'security', vuln: 'vulnerability', vulns: 'vulnerabilities',
    prod: 'production', dev: 'development',
    mac: 'macos', osx: 'macos', win: 'windows',
    wsl2: 'wsl',
    deps: 'dependencies', dep: 'dependency',
    pkg: 'package', pkgs: 'packages',
    ip: 'address',
    // The stemmer would make "tiny" the init process "tini".
    tiny: 'small',
  }),
);

/** Command-line flags: long forms map to the short form the knowledge base is written with. */
export const FLAG_SYNONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    '--publish': '-p', '--publish-all': '-P', '--detach': '-d', '--interactive': '-i', '--tty': '-t',
    '-ti': '-it', '--env': '-e', '--volume': '-v', '--all': '-a', '--force': '-f', '--quiet': '-q',
    '--file': '-f', '--tag': '-t', '--user': '-u', '--workdir': '-w', '--follow': '-f',
  }),
);
