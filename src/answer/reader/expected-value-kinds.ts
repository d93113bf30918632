/** A kind of value a factoid question asks for. */
export type ValueKind = 'duration' | 'size' | 'port' | 'number' | 'status' | 'identifier' | 'version' | 'list' | 'polar';

// Cues are matched on the lower-cased question; each names the kind of value that answers it. Order does not matter:
// a question may ask for several kinds ("the default timeout" is a duration and a default).
const cues: readonly (readonly [ValueKind, RegExp])[] = [
  ['duration', /\b(how long|how often|how frequently|how soon|\w*timeouts?|(max(imum)?|min(imum)?|idle|wait(ing)?|response|read|write) time|intervals?|durations?|period|expir\w*|ttl|delay|wait|lifetime|deadline|max[- ]?age|grace|seconds?|minutes?|hours?|days?)\b/],
  ['size', /\b(how (large|big|much (memory|disk|data|space))|sizes?|bytes?|kb|mb|gb|kib|mib|gib|memory|disk space|payload|body)\b/],
  ['port', /\bports?\b/],
  ['number', /\b(how many|number of|count|maximum|minimum|max|min|limit|at most|at least|threshold|replicas|retries|attempts|percent|ratio)\b/],
  ['status', /\b(status( code)?|http code|response code|error code)\b/],
  ['identifier', /\b(which|what) (\w+ )?(option|flag|setting|field|key|parameter|header|directive|command|subcommand|annotation|label|variable|subject|directory|folder|middleware|permission|property|attribute|env(ironment)? var\w*|file|endpoint|path|url|method|algorithm|strategy|mode|level|type|value|name|resolver|provider|plugin|format|protocol|scheme)\b|\b(flag|option|header|command|cli|env(ironment)? var\w*|config(uration)? key)\b/],
  ['version', /\b(versions?|release)\b/],
  ['list', /\b(which|what) (\w+ )?(platforms|systems|values|options|modes|types|protocols|formats|algorithms|levels|providers|kinds|ways|steps)\b|\blist\b/],
  // A yes/no clause may follow a statement of the situation: "Our names contain spaces. Will that still work?"
  ['polar', /(^|[.!?:;]\s+)(can|could|does|do|is|are|will|should|may|must)\b/],
];

/**
 * The kinds of value a question asks for, from its wording ("how long" asks for a duration, "which port" for a port,
 * "can I" for a yes/no with its reason). Empty for a question with no factoid cue. `default` is reported on its own:
 * a question about defaults prefers the value a table's Default column or a "default" sentence gives.
 *
 * @example
 * expectedValueKinds('How long does Traefik wait by default?'); // { kinds: ['duration'], asksDefault: true }
 */
export function expectedValueKinds(question: string): { readonly kinds: readonly ValueKind[]; readonly asksDefault: boolean } {
  const lower = question.toLowerCase();
  const kinds = cues.filter(([, pattern]) => pattern.test(lower)).map(([kind]) => kind);
  const asksDefault = /\b(defaults?|by default|out of the box|unless i (change|set)|if i (don'?t|do not) (set|change|configure)|if (it is|it's) not set|when (unset|not set))\b/.test(lower);
  return { kinds, asksDefault };
}
