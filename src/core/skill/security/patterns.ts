/**
 * The patterns of the security scan. Every one is linear: literal anchors, character classes with bounded repeats
 * (`{0,300}`), no nested or unbounded quantifiers over overlapping classes, so a hostile 10 MB line costs at most a
 * bounded amount of work per occurrence of an anchor.
 */
import type { SecurityRuleId } from '../types';

/** The rules found by pattern (hidden text is found by `hiddenText.ts`, over-privilege from the frontmatter). */
export type PatternRuleId = Exclude<SecurityRuleId, 'security-hidden-text' | 'security-allowed-tools-wildcard'>;

/** Which files a pattern reads. */
export type FileScope = 'any' | 'markdown' | 'skill-md' | 'script';

/** One pattern of a rule and what it means when it matches. */
export interface SecurityPattern {
  readonly rule: PatternRuleId;
  readonly scope: FileScope;
  /** Words (ASCII, any case) one of which the line of a match holds: the pattern runs only on such lines. */
  readonly triggers: readonly string[];
  /**
   * Words (ASCII, any case; one character or more) of which the line of every match also holds one: a trigger on a
   * line that holds none of them is passed over. For triggers common in ordinary text ("user"), whose lines the
   * pattern would otherwise read in vain.
   */
  readonly alsoOnLine?: readonly string[];
  /** A global regex; the whole match is the span reported. */
  readonly pattern: RegExp;
  /** What the match does, as the start of the message: "pipes a download into a shell". */
  readonly what: string;
  /** A further test of a match, bounded in what it reads: false skips it. It may extend `match[0]`. */
  readonly accept?: (match: RegExpExecArray, at: number, scan: ScanContext) => boolean;
}

const HOME = String.raw`(?:~|\$\{?HOME\}?|%USERPROFILE%|\$env:USERPROFILE)`;
const SHELLS = String.raw`(?:(?:ba|z|da|k|fi)?sh|python[23]?(?:\.\d{1,2})?|perl|ruby|node|php|pwsh)`;
const FETCH = String.raw`(?:curl|wget)`;
const DATA_FLAG = String.raw`(?:-d|--data(?:-binary|-raw|-urlencode)?|-F|--form|-T|--upload-file|--post-file|--post-data|--body-file)`;
const SENSITIVE_FILE = String.raw`(?:\.ssh/|\.aws/|\.git-credentials|\.netrc|id_rsa|\.kube/|\.docker/config)`;
/** A sensitive path right after a flag. The window's class stops at white space, where the next flag would start. */
const SENSITIVE_PATH = String.raw`(?:/etc/|/root/|\.env\b|[^\s"']{0,100}${SENSITIVE_FILE})`;

const p = (
  rule: PatternRuleId,
  scope: FileScope,
  what: string,
  triggers: readonly string[],
  source: string,
  flags = 'g',
  accept?: SecurityPattern['accept'],
): SecurityPattern => ({
  rule,
  scope,
  what,
  triggers,
  pattern: new RegExp(source, flags.includes('g') ? flags : flags + 'g'),
  ...(accept ? { accept } : {}),
});

/** `pattern`, run only on trigger lines that also hold one of `words` (every match holds one). */
const alsoOnLine = (words: readonly string[], pattern: SecurityPattern): SecurityPattern => ({ ...pattern, alsoOnLine: words });

const FETCH_WORD = /\b(?:curl|wget)\b/;
const DOWNLOADER = /\b(?:curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b/i;
const NETWORK_CALL = /\b(?:requests|httpx|session|urllib\.request|urlopen|aiohttp|axios|fetch)\b/;
const READ_VERB =
  /\b(?:cat|less|more|head|tail|cp|scp|rsync|tar|zip|base64|xxd|strings|grep|curl|wget|open|read|read_text|read_bytes|readFile|readFileSync|upload|send|Get-Content|type)\b/;
const BROWSER_FOLDER = /(?:Google\/Chrome|google-chrome|chromium|BraveSoftware|Microsoft\/Edge|\.mozilla\/firefox|Firefox\/Profiles)/i;

/** Calls that send data over the network: a script holding one of them is a script that posts. */
export const SENDING_WORDS: readonly string[] = [
  'requests.post(',
  'requests.put(',
  'requests.patch(',
  'httpx.post(',
  'httpx.put(',
  'session.post(',
  'urlopen(',
  'urllib.request.request(',
  'fetch(',
  'axios.post(',
  'axios.put(',
  'http.request(',
];

/** What the checks of a match may read of the rest of the file, each read bounded (a read of the whole file per match would be quadratic). */
export interface ScanContext {
  /** The text of the match's line before byte offset `at`, at most 300 bytes of it. */
  lineBefore(at: number): string;
  /** The HTML comment that starts at `at`, up to its first `-->` within 2,000 bytes; undefined when it does not close there. */
  commentAt(at: number): string | undefined;
  /** Whether the file calls anything in SENDING_WORDS. */
  sends(): boolean;
  /** The lines that download with curl or wget (at most 300 bytes of each, at most 100 lines). */
  fetchLines(): readonly string[];
}

/** A `chmod +x` of a file that the same text downloads with curl or wget. */
function chmodsADownload(match: RegExpExecArray, _at: number, scan: ScanContext): boolean {
  const target = match[1].replace(/^\.\//, '');
  const name = target.slice(target.lastIndexOf('/') + 1);
  return name.length >= 2 && scan.fetchLines().some((line) => line.includes(name));
}

/** Words that make a comment an instruction to Claude rather than a note to the author. */
const INSTRUCTING =
  /\b(?:ignore|disregard|you\s{1,5}(?:must|should|are|will)|secretly|instead\s{1,5}of|assistant|claude|system\s{1,5}prompt|instructions?|do\s{1,5}not\s{1,5}tell|curl|wget|exfiltrat\w{0,5}|send\s{1,5}(?:it|this|them|the)\b)/i;

/** An HTML comment that instructs; the match is extended to the comment's end. */
function instructs(match: RegExpExecArray, at: number, scan: ScanContext): boolean {
  const comment = scan.commentAt(at);
  if (comment === undefined || !INSTRUCTING.test(comment)) return false;
  match[0] = comment;
  return true;
}

/** Every pattern of the scan, grouped by rule in the order of docs/rules.md. */
export const SECURITY_PATTERNS: readonly SecurityPattern[] = [
  // Instructions against the user.
  alsoOnLine(
    ['previous', 'prior', 'above', 'earlier', 'preceding', 'system', 'original', 'developer', 'safety', 'other'],
    p(
      'security-instruction-override',
      'any',
      'tells Claude to ignore its instructions',
      ['ignore', 'disregard', 'forget', 'override', 'bypass'],
      String.raw`\b(?:ignore|disregard|forget|override|bypass)\s{1,10}(?:all\s{1,10}|any\s{1,10}|the\s{1,10}|your\s{1,10}|every\s{1,10}|of\s{1,10}your\s{1,10})?(?:previous|prior|above|earlier|preceding|system|original|developer|safety|other)\s{1,10}(?:instructions?|prompts?|rules|directives|guidelines|messages?)\b`,
      'gi',
    ),
  ),
  alsoOnLine(
    ['you', 'enter', 'system'],
    p(
      'security-instruction-override',
      'any',
      'switches Claude into another role',
      ['now', 'mode', 'prompt'],
      String.raw`\byou\s{1,10}are\s{1,10}now\s{1,10}(?:a|an|the|my|DAN|no\s{1,10}longer)\b|\bfrom\s{1,10}now\s{1,10}on,?\s{1,10}you\s{1,10}(?:are|will\s{1,10}act|must\s{1,10}act|act)\b|\benter\s{1,10}(?:developer|god|DAN|jailbreak)\s{1,10}mode\b|\bnew\s{1,10}system\s{1,10}prompt\b`,
      'gi',
    ),
  ),
  alsoOnLine(
    [
      'tell',
      'inform',
      'notify',
      'alert',
      'warn',
      'mention',
      'reveal',
      'disclose',
      'hide',
      'conceal',
      'keep',
      'secretly',
      'covertly',
      'silently',
      'quietly',
    ],
    p(
      'security-conceal-from-user',
      'any',
      'tells Claude to keep something from the user',
      ['user', 'secretly', 'covertly', 'silently', 'quietly'],
      String.raw`\b(?:do\s{1,10}not|don['’]t|never|must\s{1,10}not)\s{1,10}(?:tell|inform|notify|alert|warn)\s{1,10}(?:the\s{1,10})?user\b|\b(?:never|do\s{1,10}not|don['’]t)\s{1,10}(?:mention|reveal|disclose)\b[^\n.]{0,60}?\bto\s{1,10}the\s{1,10}user\b|\bwithout\s{1,10}(?:telling|informing|notifying|alerting)\s{1,10}(?:the\s{1,10})?user\b|\b(?:hide|conceal|keep)\b[^\n.]{0,40}?\b(?:from|secret\s{1,10}from)\s{1,10}the\s{1,10}user\b|\b(?:secretly|covertly|silently|quietly)\s{1,10}(?:send|upload|post|copy|exfiltrate|transmit|forward)\b`,
      'gi',
    ),
  ),
  p(
    'security-hidden-comment',
    'markdown',
    'hides instructions in an HTML comment, which Markdown previews do not show',
    ['<!--'],
    String.raw`<!--`,
    'g',
    instructs,
  ),
  alsoOnLine(
    ['every', 'all', 'any', 'each', 'other', 'regardless'],
    p(
      'security-greedy-description',
      'skill-md',
      'claims every request',
      ['skill', 'it for', 'it on', 'it in', 'it with', 'me for', 'me on', 'regardless'],
      String.raw`\b(?:use|invoke|apply|trigger|load|activate|run)\s{1,10}(?:this\s{1,10}skill|it|me)\s{1,10}(?:for|on|in|with)\s{1,10}(?:every|all|any|each)\s{1,10}(?:single\s{1,10})?(?:requests?|tasks?|query|queries|questions?|prompts?|messages?|conversations?|turns?)\b(?!\s{1,10}(?:involving|about|related|that|which|where|with|on|in|for|of|concerning|regarding|using|when|to)\b)|\b(?:always\s{1,10})?(?:prefer|choose|select|pick|use)\s{1,10}(?:this\s{1,10}skill|this|it|me)\s{1,10}(?:over|before|instead\s{1,10}of|rather\s{1,10}than)\s{1,10}(?:all\s{1,10}|any\s{1,10}|every\s{1,10})?other\s{1,10}skills?\b|\bregardless\s{1,10}of\s{1,10}(?:the\s{1,10})?(?:request|task|what\s{1,10}the\s{1,10}user)\b`,
      'gi',
    ),
  ),
  // Exfiltration.
  p(
    'security-exfiltration',
    'any',
    'sends a sensitive local file to a URL',
    ['curl', 'wget'],
    String.raw`(?<=\s)${DATA_FLAG}[\s=]{1,5}["']?(?:[\w.-]{1,40}=)?@?["']?${SENSITIVE_PATH}`,
    'g',
    (_m, at, scan) => FETCH_WORD.test(scan.lineBefore(at)),
  ),
  p(
    'security-exfiltration',
    'any',
    'sends the output of a command to a URL',
    ['curl', 'wget'],
    String.raw`(?<=\s)${DATA_FLAG}[\s=]{1,5}["']?[^\n]{0,60}?(?:\$\(|\x60)\s{0,5}(?:env|printenv|set|history|cat\s{1,5}${SENSITIVE_PATH}|cat\s{1,5}[^\s)\x60]{0,100}\.(?:env|pem|key)\b)(?:[^\n)\x60]{0,100}[)\x60]["']?)?`,
    'g',
    (_m, at, scan) => FETCH_WORD.test(scan.lineBefore(at)),
  ),
  p(
    'security-exfiltration',
    'any',
    'pipes the environment or a private file to the network',
    ['curl', 'wget', 'netcat', 'ncat', '| nc', '|nc'],
    String.raw`\b(?:env|printenv|cat\s{1,5}${SENSITIVE_PATH}[^\s|]{0,100})\s{0,5}\|\s{0,5}(?:base64\s{0,5}\|\s{0,5})?(?:curl|wget|nc|ncat|netcat)\b`,
  ),
  p(
    'security-exfiltration',
    'any',
    'sends the whole environment over the network',
    ['environ', 'process.env'],
    String.raw`\bdict\(\s{0,5}os\.environ\s{0,5}\)|\bos\.environ(?![\w.\[(])|\bos\.environ\.copy\(\)|\bJSON\.stringify\(\s{0,5}process\.env\s{0,5}\)|\bprocess\.env(?![\w.\[])`,
    'g',
    (_m, at, scan) => NETWORK_CALL.test(scan.lineBefore(at)),
  ),
  p(
    'security-exfiltration',
    'any',
    'collects the whole environment in a script that posts data',
    ['environ', 'process.env'],
    String.raw`\bdict\(\s{0,5}os\.environ\s{0,5}\)|\bos\.environ\.copy\(\)|\*\*os\.environ\b|\bjson\.dumps\(\s{0,5}(?:dict\()?os\.environ|\bJSON\.stringify\(\s{0,5}process\.env\s{0,5}\)`,
    'g',
    (_m, _at, scan) => scan.sends(),
  ),
  p(
    'security-exfiltration',
    'any',
    'fills an image URL from the conversation, so rendering it sends data',
    ['!['],
    String.raw`!\[[^\]\n]{0,200}\]\(\s{0,5}https?://[^)\s\[\]]{0,300}?[?&/][\w.-]{0,40}=?(?:\{|\$\{?|<|%7B|%3C)[^)\s\[\]]{0,200}\)`,
    'gi',
  ),
  alsoOnLine(
    ['={', '=$', '=<', '=%7b', '=%3c'],
    p(
      'security-exfiltration',
      'any',
      'fills a link from the conversation, so following it sends data',
      ['](http'],
      String.raw`\[[^\]\n]{0,200}\]\(\s{0,5}https?://[^)\s\[\]]{0,300}?[?&][\w.-]{1,40}=(?:\{\{?|\$\{?|<|%7B|%3C)\s{0,3}(?:conversation|chat|history|secret|password|token|api_?key|context|summary|memory|messages?|user_?(?:data|input|info))[^)\s\[\]]{0,200}\)`,
      'gi',
    ),
  ),
  // Download and run.
  p(
    'security-download-exec',
    'any',
    'pipes a download into an interpreter',
    ['curl', 'wget', 'iwr', 'irm', 'invoke-'],
    String.raw`\|\s{0,5}(?:sudo\s{1,5}(?:-\w{1,10}\s{1,5})?)?(?:${SHELLS}|iex|Invoke-Expression)\b(?!\s{1,5}-(?:m\s{1,5}json\.tool|c|e)\b)`,
    'g',
    (_m, at, scan) => {
      const before = scan.lineBefore(at);
      return DOWNLOADER.test(before.slice(before.lastIndexOf('|') + 1));
    },
  ),
  p(
    'security-download-exec',
    'any',
    'runs the output of a download',
    ['curl', 'wget', 'iex', 'invoke-expression', 'requests.get', 'urlopen'],
    String.raw`\b${SHELLS}\s{1,5}(?:-c\s{1,5})?["']?(?:<\(|\$\()\s{0,5}${FETCH}\b|\b(?:iex|Invoke-Expression)\b[^\n]{0,100}?(?:DownloadString|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b|\b(?:exec|eval)\s{0,5}\(\s{0,5}(?:requests\.get|urllib\.request\.urlopen|urlopen)\(`,
  ),
  p(
    'security-download-exec',
    'any',
    'makes a downloaded file executable',
    ['chmod'],
    String.raw`\bchmod\s{1,5}(?:[ugoa]{0,3}\+x|[0-7]?7[0-7]{2})\s{1,5}["']?([^\s"';&|)]{1,200})`,
    'g',
    chmodsADownload,
  ),
  // Reverse shells.
  p(
    'security-reverse-shell',
    'any',
    'connects a shell to a network socket',
    ['/dev/tcp', '/dev/udp'],
    String.raw`/dev/(?:tcp|udp)/[^\s/]{1,100}/\d{1,5}[^\n]{0,40}?(?:0>&1|>&\s{0,3}/dev|<&\s{0,3}\d|>&\s{0,3}\d)|\b(?:ba)?sh\s{1,5}-i\s{0,5}[>&]{1,2}\s{0,5}/dev/(?:tcp|udp)/|\bexec\s{1,5}\d{1,3}<>\s{0,3}/dev/(?:tcp|udp)/`,
  ),
  p(
    'security-reverse-shell',
    'any',
    'hands a shell to netcat or socat',
    ['nc ', 'ncat', 'netcat', 'mkfifo', 'socat'],
    String.raw`\b(?:nc|ncat|netcat)\b[^\n]{0,100}?\s-[ec]\s{1,5}["']?(?:/bin/)?(?:ba|z)?sh\b|\bmkfifo\b[^\n]{0,200}?\b(?:nc|ncat|netcat)\b|\bsocat\b[^\n]{0,200}?\bexec:[^\n]{0,20}?\b(?:ba)?sh\b`,
    'gi',
  ),
  p(
    'security-reverse-shell',
    'any',
    'hands a socket to a shell',
    ['dup2', 'pty.spawn', 'child_process', 'net.socket'],
    String.raw`\bos\.dup2\(\s{0,5}\w{1,40}\.fileno\(\)\s{0,5},\s{0,5}[012]\s{0,5}\)|\bpty\.spawn\(\s{0,5}["'](?:/bin/)?(?:ba)?sh["']|\bchild_process\b[^\n]{0,200}?\bnet\.(?:connect|Socket)\b|\bnew\s{1,5}net\.Socket\(\)[^\n]{0,200}?\bspawn\(\s{0,5}["'](?:/bin/)?(?:ba)?sh`,
  ),
  // Encoded payloads run.
  p(
    'security-obfuscated-exec',
    'any',
    'decodes a payload and runs it',
    [
      'b64decode',
      'b32decode',
      'b16decode',
      'b85decode',
      'codecs.decode',
      'decompress',
      'marshal.loads',
      'fromhex',
      '__import__',
      'atob',
      'buffer.from',
      'unescape',
      'decodeuricomponent',
      'fromcharcode',
    ],
    String.raw`\b(?:exec|eval|compile)\s{0,5}\(\s{0,5}(?:base64\.b(?:64|32|16|85)decode|base64\.(?:standard_|urlsafe_)b64decode|codecs\.decode|zlib\.decompress|gzip\.decompress|bz2\.decompress|lzma\.decompress|marshal\.loads|bytes\.fromhex|__import__\(\s{0,5}["'](?:base64|zlib|codecs|marshal))|\b(?:eval|Function)\s{0,5}\(\s{0,5}(?:atob|Buffer\.from|unescape|decodeURIComponent|String\.fromCharCode)\s{0,5}\(`,
  ),
  p(
    'security-obfuscated-exec',
    'any',
    'decodes a payload into a shell',
    ['base64', 'xxd', 'powershell'],
    String.raw`\bbase64\s{1,5}(?:-d|--decode|-D)\b[^\n|]{0,100}\|\s{0,5}(?:sudo\s{1,5})?${SHELLS}\b|\beval\s{1,5}["']?\$\([^\n)]{0,200}?\bbase64\s{1,5}(?:-d|--decode|-D)\b|\bxxd\s{1,5}-r\b[^\n|]{0,100}\|\s{0,5}${SHELLS}\b|\bpowershell(?:\.exe)?\b[^\n]{0,100}?\s-(?:e|ec|enc|encodedcommand)\s{1,5}[A-Za-z0-9+/=]{20}`,
    'gi',
  ),
  // Reaching outside the task.
  p(
    'security-credential-access',
    'any',
    'reads a credential store',
    [
      '.ssh',
      '.aws/credentials',
      '.config/gh',
      '.git-credentials',
      '.docker/config',
      '.kube/config',
      '.netrc',
      '.pgpass',
      '/etc/shadow',
      'keychain',
    ],
    String.raw`\.ssh/(?:id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?(?![\w.-])|\*)|${HOME}/\.ssh/?(?=["'\s)\x60;]|$)|\.aws/credentials\b|\.config/gh\b|\.git-credentials\b|\.docker/config\.json\b|\.kube/config\b|\.netrc\b|\.pgpass\b|/etc/shadow\b|login\.keychain(?:-db)?\b`,
    'gm',
    (_m, at, scan) => READ_VERB.test(scan.lineBefore(at)),
  ),
  p(
    'security-credential-access',
    'any',
    'reads a browser profile',
    ['login data', 'cookies', 'web data', 'local state', 'logins.json', 'key3.db', 'key4.db'],
    String.raw`\b(?:Login Data|Cookies|Web Data|Local State|logins\.json|key[34]\.db|cookies\.sqlite)\b`,
    'g',
    (_m, at, scan) => {
      const before = scan.lineBefore(at);
      return BROWSER_FOLDER.test(before) && READ_VERB.test(before);
    },
  ),
  p(
    'security-credential-access',
    'any',
    'dumps a keychain',
    ['find-generic-password', 'find-internet-password', 'dump-keychain', 'secret-tool'],
    String.raw`\bsecurity\s{1,5}(?:find-(?:generic|internet)-password\b[^\n]{0,100}?\s-[wg]\b|dump-keychain\b)|\bsecret-tool\s{1,5}lookup\b`,
  ),
  p(
    'security-persistence',
    'any',
    'installs itself to run again later',
    [
      'bashrc',
      'bash_profile',
      'bash_login',
      'zshrc',
      'zprofile',
      'zshenv',
      '.profile',
      'config.fish',
      'crontab',
      '/etc/cron',
      '/var/spool/cron',
      'launchagents',
      'launchdaemons',
      'launchctl',
      'systemctl',
      'systemd',
      'autostart',
      'currentversion',
      'authorized_keys',
    ],
    String.raw`>>?\s{0,3}["']?${HOME}/\.(?:bashrc|bash_profile|bash_login|zshrc|zprofile|zshenv|profile|config/fish/config\.fish)\b|\btee\s{1,5}-a\s{1,5}["']?${HOME}/\.(?:bashrc|bash_profile|zshrc|zprofile|profile)\b|\|\s{0,5}crontab\s{1,5}-(?=\s|$)|\bcrontab\s{1,5}(?:-u\s{1,5}\w{1,32}\s{1,5})?(?:(?:[/~$]|\.\/)[^\s;&|]{1,200}|[\w-]{1,100}\.(?:txt|cron|tab|conf)\b)|/etc/cron\.(?:d|daily|hourly|weekly)/|/var/spool/cron/|Library/Launch(?:Agents|Daemons)/|\blaunchctl\s{1,5}(?:load|bootstrap)\b|\bsystemctl\s{1,5}(?:--user\s{1,5})?enable\b|/etc/systemd/system/|\.config/systemd/user/|\.config/autostart/|\\CurrentVersion\\Run\b|>>\s{0,3}["']?${HOME}/\.ssh/authorized_keys\b`,
    'gm',
  ),
  p(
    'security-destructive',
    'any',
    'deletes the home folder or the whole disk',
    ['rm ', 'rmtree', 'mkfs', 'dd ', '(){', 'chmod -r', 'remove-item'],
    String.raw`\brm\s{1,5}(?:-{1,2}[\w-]{1,20}\s{1,5}){1,4}["']?(?:/\*?|~/?\*?|\$\{?HOME\}?/?\*?)["']?(?=[\s;&|)\x60"']|$)|\bshutil\.rmtree\(\s{0,5}(?:["'](?:/|~|~/)["']|os\.path\.expanduser\(\s{0,5}["']~/?["']\s{0,5}\)|(?:pathlib\.)?Path\.home\(\)|os\.environ\[["']HOME["']\])\s{0,5}[,)]|\bmkfs(?:\.\w{1,10})?\s{1,5}/dev/|\bdd\s[^\n]{0,100}?\bof=/dev/(?:sd|nvme|hd|disk|xvd|mmcblk)|:\(\)\s{0,3}\{\s{0,3}:\s{0,3}\|\s{0,3}:\s{0,3}&\s{0,3}\}\s{0,3};\s{0,3}:|\bchmod\s{1,5}-R\s{1,5}[0-7]{3,4}\s{1,5}/(?=\s|$)|\bRemove-Item\b[^\n]{0,80}?-Recurse\b[^\n]{0,80}?(?:C:\\(?=["'\s]|$)|\$env:USERPROFILE(?=["'\s]|$)|~(?=["'\s]|$))`,
    'gm',
  ),
  p(
    'security-miner',
    'any',
    'runs a cryptocurrency miner',
    [
      'xmrig',
      'minerd',
      'cpuminer',
      'cgminer',
      'bfgminer',
      'ethminer',
      'nbminer',
      'phoenixminer',
      'lolminer',
      'stratum+',
      'cryptonight',
      'donate-level',
      'minexmr',
      'nanopool',
      'supportxmr',
      '2miners',
      'nicehash',
    ],
    String.raw`\b(?:xmrig|minerd|cpuminer|cgminer|bfgminer|ethminer|nbminer|phoenixminer|lolminer)\b|stratum\+(?:tcp|ssl|tls)://|\bcryptonight\b|--donate-level\b|\b(?:minexmr|nanopool|supportxmr|2miners|nicehash)\.(?:com|org|net)\b`,
    'gi',
  ),
  // Won't work where it runs: the API's code execution container has no network.
  p(
    'security-network-call',
    'script',
    'reaches the network',
    ['import', 'from', 'urlopen', 'fetch(', 'require(', 'curl', 'wget', 'git ', 'pip', 'npm', 'pnpm', 'yarn', 'apt', 'gem ', 'go get'],
    String.raw`^\s{0,20}(?:import\s{1,5}(?:requests|httpx|aiohttp|urllib3|websockets?|paramiko|ftplib|smtplib)\b|from\s{1,5}(?:requests|httpx|aiohttp|urllib\.request|urllib3|http\.client)\s{1,5}import\b)|\burllib\.request\.urlopen\(|\bfetch\(\s{0,5}[\x60"']https?:|\brequire\(\s{0,5}["'](?:axios|node-fetch|got|undici|ws)["']\s{0,5}\)|\bfrom\s{1,5}["'](?:axios|node-fetch|got|undici|ws)["']|^\s{0,20}(?:sudo\s{1,5})?(?:${FETCH}|git\s{1,5}(?:clone|pull|fetch)|pip3?\s{1,5}install|python3?\s{1,5}-m\s{1,5}pip\s{1,5}install|uv\s{1,5}pip\s{1,5}install|npm\s{1,5}(?:install|i|ci)|pnpm\s{1,5}(?:install|add)|yarn\s{1,5}add|apt(?:-get)?\s{1,5}install|gem\s{1,5}install|go\s{1,5}get)\b`,
    'gm',
  ),
];
