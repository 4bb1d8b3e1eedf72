/**
 * Global setup for `npm run record:examples`: starts moto on loopback, creates the example's
 * functions, and hands its URL to the suite as the recording target.
 */
import type { TestProject } from 'vitest/node';
import { startMoto, type MotoServer } from '../test/support/moto.js';

let moto: MotoServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  moto = await startMoto();
  await moto.createFunction('orders-fn');
  await moto.createFunction('mailer');
  await moto.createFunction('pricing-fn');
  project.provide('lambdaTarget', moto.url);
}

export async function teardown(): Promise<void> {
  await moto?.stop();
}
