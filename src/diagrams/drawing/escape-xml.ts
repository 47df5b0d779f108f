const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for an SVG text node or a double- or single-quoted attribute. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (character) => XML_ENTITIES[character]!);
