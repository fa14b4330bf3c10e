'use client';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { EdgeRoute } from '@/lib/designs/layout';
import { routedPath } from './routed-path';

/**
 * The canvas's edge: along its auto-layout route (around nodes, label off the handles) while its
 * ends stay where the layout put them, React Flow's default curve otherwise.
 */
function RoutedEdgeView(props: EdgeProps) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const route = (data as { route?: EdgeRoute } | undefined)?.route;
  const routed = routedPath(route, { x: sourceX, y: sourceY }, { x: targetX, y: targetY });
  const [curve, curveLabelX, curveLabelY] = routed ? [] : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <BaseEdge
      id={props.id}
      path={routed?.path ?? curve!}
      labelX={routed?.labelX ?? curveLabelX}
      labelY={routed?.labelY ?? curveLabelY}
      label={props.label}
      labelStyle={props.labelStyle}
      labelShowBg={props.labelShowBg}
      labelBgStyle={props.labelBgStyle}
      labelBgPadding={props.labelBgPadding}
      labelBgBorderRadius={props.labelBgBorderRadius}
      style={props.style}
      markerStart={props.markerStart}
      markerEnd={props.markerEnd}
      interactionWidth={props.interactionWidth}
    />
  );
}

export const RoutedEdge = memo(RoutedEdgeView);

/** Every canvas edge is drawn by RoutedEdge (React Flow's `default` type, so edges need no type of their own). */
export const edgeTypes = { default: RoutedEdge };
