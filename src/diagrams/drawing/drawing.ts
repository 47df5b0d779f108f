import type { FontWeight } from '../inter-font-files.ts';
import { escapeXml } from './escape-xml.ts';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A line of text as drawn, with the box its ink occupies. */
export interface PlacedLabel {
  text: string;
  bounds: Rect;
  fontSize: number;
  weight: FontWeight;
  color: string;
}

/**
 * An opaque filled rectangle. `box` shapes are things arrows connect and lines must not cross; `panel`
 * shapes group boxes (arrows may pass through their edges); `background` is the card itself.
 */
export interface PlacedShape {
  role: 'background' | 'panel' | 'box';
  bounds: Rect;
  fill: string;
}

/** An arrow as a polyline from its tail to its tip. */
export interface PlacedArrow {
  points: Point[];
}

/** What a drawing holds, in a form tests can check: labels must not overlap, arrows must not cross them. */
export interface DiagramLayout {
  width: number;
  height: number;
  labels: PlacedLabel[];
  shapes: PlacedShape[];
  arrows: PlacedArrow[];
}

/** Rounds to 0.01 so the SVG stays short and stable from run to run. */
export const num = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * An SVG being drawn, element by element, in painting order. Drawing helpers (`drawBox`, `drawLabel`,
 * `drawArrow`) append the markup and record what they placed in `layout`.
 */
export class Drawing {
  readonly layout: DiagramLayout;
  private readonly elements: string[] = [];

  constructor(width: number, height: number) {
    this.layout = { width, height, labels: [], shapes: [], arrows: [] };
  }

  get width(): number {
    return this.layout.width;
  }

  get height(): number {
    return this.layout.height;
  }

  /** Appends raw SVG markup; callers escape any text they put in it. */
  append(markup: string): void {
    this.elements.push(markup);
  }

  /** The finished SVG document, with a `<title>` and `<desc>` for screen readers that meet the SVG itself. */
  toSvg(title: string, description: string): string {
    const { width, height } = this.layout;
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img">`,
      `<title>${escapeXml(title)}</title>`,
      `<desc>${escapeXml(description)}</desc>`,
      `<g font-family="Inter">`,
      ...this.elements,
      '</g>',
      '</svg>',
    ].join('\n');
  }
}
