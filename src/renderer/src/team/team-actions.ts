/**
 * The team feature's writes on the app's database and host, so its
 * components never touch the database instance (they read through
 * useTeam.ts and write through here).
 */
import { db } from '../db/db.ts';
import { host } from '../host/host.ts';
import * as runtime from '../sync/runtime.ts';
import * as team from './actions.ts';

/** Connects this profile to a team project (see sync/runtime.ts). */
export const connectTeam = (
  input: Parameters<typeof runtime.connectTeam>[2],
  selfId: string,
): ReturnType<typeof runtime.connectTeam> => runtime.connectTeam(db, host, input, selfId);

/** Signs in again with `password`; resolves the reason it failed, or null. */
export const signInAgain = (password: string): Promise<string | null> =>
  runtime.signInAgain(db, host, password);

/** Disconnects from the project; this profile keeps its work. */
export const disconnectTeam = (): Promise<void> => runtime.disconnectTeam(db, host);

/** Forgets the changes the server refused. */
export const forgetRefused = (): Promise<void> => runtime.forgetRefused(db);

/** Assigns (or with `remove`, unassigns) documents to an analyst; resolves how many changed. */
export const assignDocuments = (
  docIds: readonly string[],
  annotatorId: string,
  remove = false,
): Promise<number> => team.assignDocuments(db, docIds, annotatorId, remove);

/** Turns blind mode on or off for the project. */
export const setBlindMode = (blind: boolean): Promise<void> => team.setBlindMode(db, blind);
