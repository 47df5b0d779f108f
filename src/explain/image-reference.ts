/** An image reference split the way Docker reads it: `[registry/]repository[:tag][@digest]`. */
export interface ImageReference {
  /** As written. */
  text: string;
  /** `docker.io` when none is written (Docker Hub). */
  registry: string;
  registryWritten: boolean;
  /** With Docker Hub's implicit `library/` for official images: `library/nginx`. */
  repository: string;
  /** `latest` when neither a tag nor a digest is written. */
  tag: string;
  tagWritten: boolean;
  digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/**
 * Splits an image reference (`nginx`, `ghcr.io/acme/api:1.2@sha256:…`, `localhost:5000/app`) following the
 * distribution reference grammar Docker uses: the first path component is a registry when it has a `.` or a
 * `:` or is `localhost`; Docker Hub is the default and its one-word names live under `library/`. Returns
 * undefined when the text is not a valid reference (upper-case repository, empty parts, a bad digest).
 * Reads at most 512 characters.
 */
export function parseImageReference(text: string): ImageReference | undefined {
  if (text.length === 0 || text.length > 512) return undefined;
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) return undefined;
  }
  const components = rest.split('/');
  let registry = 'docker.io';
  let registryWritten = false;
  if (components.length > 1 && /[.:]|^localhost$/.test(components[0]!)) {
    registry = components.shift()!;
    registryWritten = true;
    if (!/^[a-zA-Z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:]+\](:\d+)?$/.test(registry)) return undefined;
  }
  if (components.length === 0 || !components.every((c) => COMPONENT.test(c))) return undefined;
  if (registry === 'docker.io' && components.length === 1) components.unshift('library');
  return {
    text,
    registry,
    registryWritten,
    repository: components.join('/'),
    tag: tag ?? 'latest',
    tagWritten: tag !== undefined,
    ...(digest ? { digest } : {}),
  };
}

/** "registry docker.io (Docker Hub, the default), repository library/nginx, tag 1.27" */
export function describeImageReference(ref: ImageReference): string {
  const registry = ref.registryWritten ? `registry \`${ref.registry}\`` : 'registry `docker.io` (Docker Hub, the default)';
  const tag = ref.digest
    ? ref.tagWritten
      ? `tag \`${ref.tag}\` (ignored for pulling: the digest decides)`
      : 'no tag'
    : ref.tagWritten
      ? `tag \`${ref.tag}\``
      : 'tag `latest` (none was written, so Docker uses latest)';
  const digest = ref.digest ? `, digest \`${ref.digest.slice(0, 19)}…\` (pins the exact content)` : '';
  return `${registry}, repository \`${ref.repository}\`, ${tag}${digest}`;
}
