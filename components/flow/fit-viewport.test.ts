import assert from 'node:assert/strict';
import { test } from 'node:test';
import { showsOverview } from './fit';
import { fitViewport, freeRegions, NODE_LABEL_PX, READABLE_ZOOM } from './fit-viewport';

const canvas = { width: 1000, height: 600 };
const minimap = { x: 790, y: 440, width: 200, height: 150 };
const toolbar = { x: 10, y: 10, width: 300, height: 40 };
const options = { minZoom: 0.05, maxZoom: 1, padding: 0.2 };
const onScreen = (v: { x: number; y: number; zoom: number }, b: { x: number; y: number; width: number; height: number }) => ({
  x: v.x + b.x * v.zoom,
  y: v.y + b.y * v.zoom,
  width: b.width * v.zoom,
  height: b.height * v.zoom,
});
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('the free regions of a canvas with the minimap in a corner: beside it and above it', () => {
  assert.deepEqual(freeRegions({ x: 0, y: 0, ...canvas }, [minimap]), [
    { x: 0, y: 0, width: 790, height: 600 },
    { x: 990, y: 0, width: 10, height: 600 },
    { x: 0, y: 0, width: 1000, height: 440 },
    { x: 0, y: 590, width: 1000, height: 10 },
  ]);
});

test('Fit keeps the design clear of the minimap and the toolbar', () => {
  // A tall design that React Flow would centre over the whole canvas, under the minimap.
  const design = { x: 0, y: 0, width: 600, height: 500 };
  const view = fitViewport(design, canvas.width, canvas.height, [minimap, toolbar], options);
  const drawn = onScreen(view, design);
  assert.ok(!overlaps(drawn, minimap), `clear of the minimap: ${JSON.stringify(drawn)}`);
  assert.ok(!overlaps(drawn, toolbar), `clear of the toolbar: ${JSON.stringify(drawn)}`);
  assert.ok(drawn.x >= 0 && drawn.y >= 0 && drawn.x + drawn.width <= canvas.width && drawn.y + drawn.height <= canvas.height, 'all of it in view');
});

test('Fit never zooms out below readable text: a large design is shown from its top, centred across when it fits', () => {
  const tall = { x: -100, y: 0, width: 400, height: 5000 };
  const view = fitViewport(tall, canvas.width, canvas.height, [], { ...options, readableZoom: READABLE_ZOOM });
  assert.equal(view.zoom, READABLE_ZOOM);
  const drawn = onScreen(view, tall);
  assert.ok(drawn.y > 0 && drawn.y < 60, `the top in view: ${drawn.y}`);
  assert.ok(Math.abs(drawn.x + drawn.width / 2 - canvas.width / 2) < 1, 'centred across');
  // With the minimap in the corner it runs down beside the minimap, not under it.
  const beside = onScreen(fitViewport(tall, canvas.width, canvas.height, [minimap], { ...options, readableZoom: READABLE_ZOOM }), tall);
  assert.ok(beside.x + beside.width <= minimap.x, `beside the minimap: ${JSON.stringify(beside)}`);
  // Without the floor, the same design is shrunk to unreadable text.
  assert.ok(fitViewport(tall, canvas.width, canvas.height, [], options).zoom < READABLE_ZOOM / 5);
  // A small design still fits, never magnified past maxZoom.
  assert.equal(fitViewport({ x: 0, y: 0, width: 200, height: 100 }, canvas.width, canvas.height, [], { ...options, readableZoom: READABLE_ZOOM }).zoom, 1);
});

test('below the readable zoom (labels under 10 px) the canvas shows the overview, at any design size', () => {
  assert.ok(NODE_LABEL_PX * READABLE_ZOOM >= 10);
  assert.equal(showsOverview(READABLE_ZOOM), false);
  assert.equal(showsOverview(READABLE_ZOOM - 0.01), true);
  assert.equal(showsOverview(0.55), true, 'the ~7 px text the issue saw at Fit');
});

test('a design too large to show readably is shown from its steps, not from the handlers lane above them', () => {
  // The handlers' lane (a wide grid of queries) above a narrow flow of steps starting at x 1400, y 800.
  const design = { x: 0, y: 0, width: 2400, height: 3000 };
  const start = { x: 1400, y: 800, width: 200, height: 60 };
  const view = fitViewport(design, canvas.width, canvas.height, [toolbar, minimap], { ...options, readableZoom: READABLE_ZOOM, anchor: start });
  assert.equal(view.zoom, READABLE_ZOOM);
  const drawn = onScreen(view, start);
  assert.ok(drawn.x >= 0 && drawn.x + drawn.width <= canvas.width && drawn.y >= 0 && drawn.y + drawn.height <= canvas.height / 3, `Start in view, near the top: ${JSON.stringify(drawn)}`);
  // Centred in the canvas below the toolbar, not in the strip beside it.
  const centre = drawn.x + drawn.width / 2;
  assert.ok(centre > canvas.width * 0.3 && centre < canvas.width * 0.55, `Start centred: ${centre}`);
  assert.ok(!overlaps(drawn, toolbar), `clear of the toolbar: ${JSON.stringify(drawn)}`);
  // Without the anchor the design's top-left corner shows, and Start is off screen.
  const corner = onScreen(fitViewport(design, canvas.width, canvas.height, [], { ...options, readableZoom: READABLE_ZOOM }), start);
  assert.ok(corner.x + corner.width > canvas.width || corner.y > canvas.height, JSON.stringify(corner));
});

test('a step drawn above Start (a loop back) stays in view: the view starts at the top step, not at Start', () => {
  const steps = { x: 0, y: 0, width: 500, height: 1600 };
  const topStep = { x: 100, y: 0, width: 200, height: 60 };
  const view = fitViewport(steps, canvas.width, canvas.height, [toolbar], { ...options, readableZoom: READABLE_ZOOM, anchor: steps });
  const drawn = onScreen(view, topStep);
  assert.ok(drawn.y >= 0 && !overlaps(drawn, toolbar), `the top step is in view, clear of the toolbar: ${JSON.stringify(drawn)}`);
});
