// Runs in real Chromium: the stance chart draws one bar segment per label
// in proportion to its count, keeps its legend inside the chart, and its
// SVG and PNG files are complete images. In the Arabic interface it
// mirrors, and no legend entry overlaps another or its own swatch.
import { beforeEach, describe, expect, it } from 'vitest';
import { pngBlob, svgMarkup } from './chart-export.ts';
import { StanceChart } from './StanceChart.tsx';
import { IntlProvider } from 'react-intl';
import { CATALOGS } from '../i18n/catalogs.ts';
import { hostPerTest } from '../test/host.tsx';

const page = hostPerTest();

const SERIES = [
  { key: 'a', name: 'Pro-withdrawal', color: '#0072b2' },
  { key: 'b', name: 'Pro-coalition', color: '#e69f00' },
  { key: 'c', name: 'Kurdish skepticism', color: '#009e73' },
  { key: 'd', name: 'Several labels', color: '#8c8c8c' },
  { key: 'e', name: 'A fifth label with a long name', color: '#cc79a7' },
];

beforeEach(() => {
  page.renderNow(
    <IntlProvider locale="en" messages={CATALOGS.en}>
      <StanceChart
        title="Stance by outlet"
        fileName="x"
        series={SERIES}
        bars={[
          { name: 'الشرق', counts: { a: 2, b: 1 }, total: 3 },
          { name: 'رووداو', counts: { b: 1 }, total: 1 },
        ]}
      />
    </IntlProvider>,
  );
});

describe('StanceChart', () => {
  it('draws segments in proportion and keeps the legend inside the chart', () => {
    const svg = page.el.querySelector('svg')!;
    const width = svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) {
      const box = t.getBBox();
      expect(box.x, t.textContent!).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, t.textContent!).toBeLessThanOrEqual(width);
    }
    const widthOf = (color: string): number[] =>
      [...svg.querySelectorAll(`rect[fill="${color}"]`)]
        .filter((r) => r.getAttribute('height') === '18')
        .map((r) => Number(r.getAttribute('width')));
    const [a] = widthOf('#0072b2');
    const [b1, b2] = widthOf('#e69f00');
    expect(a).toBeCloseTo(2 * b1!, 5);
    expect(b2).toBeCloseTo(b1!, 5);
    expect(svg.getAttribute('aria-label')).toContain(
      'الشرق: 2 Pro-withdrawal, 1 Pro-coalition, 0 Kurdish skepticism',
    );
  });

  it('saves a standalone SVG and a PNG at twice its size', async () => {
    const svg = page.el.querySelector('svg')!;
    const markup = svgMarkup(svg);
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    expect(parsed.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(markup).toContain('>رووداو</text>');
    const png = await pngBlob(svg);
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(16)).toBe(Math.ceil(svg.viewBox.baseVal.width * 2));
    expect(view.getUint32(20)).toBe(Math.ceil(svg.viewBox.baseVal.height * 2));
  });
});

describe('StanceChart in the Arabic interface', () => {
  const AR_SERIES = [
    { key: 'a', name: 'مؤيد للانسحاب', color: '#0072b2' },
    { key: 'b', name: 'مؤيد لبقاء التحالف', color: '#e69f00' },
    { key: 'c', name: 'Kurdish skepticism', color: '#009e73' },
    { key: 'd', name: 'تصنيفات عدة', color: '#8c8c8c' },
    { key: 'e', name: 'تصنيف خامس باسم طويل جدا', color: '#cc79a7' },
  ];
  const arPage = hostPerTest();
  beforeEach(() => {
    arPage.el.dir = 'rtl';
    arPage.el.lang = 'ar';
    arPage.renderNow(
      <IntlProvider locale="ar-u-nu-arab" messages={CATALOGS.ar}>
        <StanceChart
          title="المواقف حسب المنبر"
          fileName="x"
          series={AR_SERIES}
          bars={[
            { name: 'الشرق', counts: { a: 2, b: 1 }, total: 3 },
            { name: 'Rudaw', counts: { b: 1 }, total: 1 },
          ]}
        />
      </IntlProvider>,
    );
  });

  it('lays the legend out right to left with nothing overlapping, all inside the chart', () => {
    const svg = arPage.el.querySelector('svg')!;
    const width = svg.viewBox.baseVal.width;
    const entries = [...svg.querySelectorAll('g.legend-entry')].map((g) => {
      const swatch = g.querySelector('rect')!.getBBox();
      const text = g.querySelector('text')!.getBBox();
      return { name: g.textContent!, swatch, text };
    });
    expect(entries).toHaveLength(AR_SERIES.length);
    const overlap = (a: DOMRect, b: DOMRect): boolean =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const boxes = entries.flatMap((e) => [
      { what: `${e.name} swatch`, box: e.swatch },
      { what: e.name, box: e.text },
    ]);
    const clashes: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (overlap(boxes[i]!.box, boxes[j]!.box))
          clashes.push(`${boxes[i]!.what} / ${boxes[j]!.what}`);
      }
    }
    expect(clashes).toEqual([]);
    for (const t of svg.querySelectorAll('text')) {
      const box = t.getBBox();
      expect(box.x, t.textContent!).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, t.textContent!).toBeLessThanOrEqual(width);
    }
    // Mirrored: each swatch is to the right of its name, the first entry at the right.
    for (const e of entries) expect(e.swatch.x).toBeGreaterThan(e.text.x + e.text.width - 1);
    expect(entries[0]!.swatch.x).toBeGreaterThan(entries[1]!.swatch.x);
  });

  it('grows bars from the right, names at their right, totals in Arabic-Indic digits', () => {
    const svg = arPage.el.querySelector('svg')!;
    const bar = [...svg.querySelectorAll('rect[height="18"]')].map((r) =>
      (r as SVGRectElement).getBBox(),
    );
    const name = [...svg.querySelectorAll('text')]
      .find((t) => t.textContent === 'الشرق')!
      .getBBox();
    const rightmost = Math.max(...bar.map((b) => b.x + b.width));
    expect(name.x).toBeGreaterThanOrEqual(rightmost);
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('٣');
    expect(texts).toContain('١');
    expect(texts.join(' ')).not.toMatch(/[0-9]/);
  });
});
