import assert from 'node:assert/strict';
import { test } from 'node:test';
import { landingPageFor } from './landing';

test('readers start on the designs, approvers on their inbox, requesters on their requests', () => {
  assert.equal(landingPageFor(['viewer']), '/');
  assert.equal(landingPageFor(['designer', 'approver']), '/');
  assert.equal(landingPageFor(['approver']), '/inbox');
  assert.equal(landingPageFor(['approver', 'requester']), '/inbox');
  assert.equal(landingPageFor(['requester']), '/requests');
  assert.equal(landingPageFor([]), '/', 'without a role the home page explains what is missing');
});
