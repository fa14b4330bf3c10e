'use client';
import { Handle, Position } from '@xyflow/react';
import { HANDLER_OUT, IN_HANDLE, MESSAGES_HANDLE, NEXT } from './handles';

export function InHandle() {
  return <Handle type="target" position={Position.Top} id={IN_HANDLE} className="handle-in" />;
}

export function MessagesHandle() {
  return <Handle type="target" position={Position.Left} id={MESSAGES_HANDLE} className="handle-messages" />;
}

export function NextHandle() {
  return <Handle type="source" position={Position.Bottom} id={NEXT} className="handle-out handle-next" />;
}

export function HandlerOutHandle() {
  return <Handle type="source" position={Position.Right} id={HANDLER_OUT} className="handle-handler" />;
}
