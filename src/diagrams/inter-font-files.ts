import { createRequire } from 'node:module';

/** The Inter weights the diagrams use: regular text, semibold labels, bold titles. */
export type FontWeight = 400 | 600 | 700;

const FILE_BY_WEIGHT: Readonly<Record<FontWeight, string>> = {
  400: '400Regular/Inter_400Regular.ttf',
  600: '600SemiBold/Inter_600SemiBold.ttf',
  700: '700Bold/Inter_700Bold.ttf',
};

const require = createRequire(import.meta.url);

/**
 * Absolute path of one Inter TTF shipped by `@expo-google-fonts/inter`, resolved the way Node resolves the
 * package, so it works wherever node_modules is (hoisted, symlinked, or in a deployment image).
 */
export function interFontFile(weight: FontWeight): string {
  return require.resolve(`@expo-google-fonts/inter/${FILE_BY_WEIGHT[weight]}`);
}

/** Every Inter file the diagrams need, for resvg's `font.fontFiles`. */
export function interFontFiles(): string[] {
  return ([400, 600, 700] as const).map(interFontFile);
}
