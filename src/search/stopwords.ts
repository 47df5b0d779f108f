/**
 * Words that carry no topic: question scaffolding, pronouns, fillers and chat shorthand for them.
 * `why`, `use`, `vs` and the Docker verbs are deliberately absent: they tell topics apart.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the and or but if then so of to in on at by for from with without into onto over under about as
   is are was were be been being am do does did doing done have has had having can could should would will
   shall may might must i me my mine we us our you your yours he she it its they them their this that these
   those there here what whats which who whom whose when where how hows whats what's it's i'm im ive i've
   dont don't doesnt doesn't isnt isn't arent aren't cant can't wont won't didnt didn't just really very
   actually basically like some any all also too than more most much many such only own same other
   please pls plz thanks thank thx ty hi hey hello yo ok okay um uh hmm lol tho though anyway
   explain explanation tell know understand mean means meaning define definition describe mind
   confused confusing wondering curious struggling dumb stupid noob newbie n00b
   someone somebody anyone something anything thing things stuff way ways kind sort bit lot lots
   get got getting gets want wanted wanna need needs needed trying try tried going gonna let lets
   u ur r y ya pls k idk tbh btw imo fyi question q quick again still even ever yet one
   good morning evening afternoon night everyone everybody guys folks gm gn
   thats theres heres cuz coz cos bc kinda sorta wtf omg super definitely
   foo bar baz qux foobar
   wat wut wot wht whats exactly literally simply totally honestly seriously probably maybe possibly generally usually`
    .split(/\s+/)
    .filter(Boolean),
);
