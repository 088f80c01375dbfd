/** The few ANSI styles the CLI uses; whether to use them at all is decided once, in `useColor`. */
export type Style = 'red' | 'yellow' | 'cyan' | 'dim' | 'bold' | 'red-bold' | 'yellow-bold';

const CODES: Record<Style, [string, string]> = {
  red: ['\u001b[31m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  cyan: ['\u001b[36m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  bold: ['\u001b[1m', '\u001b[22m'],
  'red-bold': ['\u001b[1m\u001b[31m', '\u001b[39m\u001b[22m'],
  'yellow-bold': ['\u001b[1m\u001b[33m', '\u001b[39m\u001b[22m'],
};

export function paint(style: Style, text: string): string {
  const [open, close] = CODES[style];
  return `${open}${text}${close}`;
}

/** An explicit --color/--no-color wins; otherwise colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function useColor(flag: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  return isTTY && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}
