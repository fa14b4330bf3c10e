// The handles' ids and which outputs a node offers are the design's, not the canvas's: the server
// lays designs out with them too (lib/designs/design-layout.ts).
export * from '@/lib/designs/handles';
