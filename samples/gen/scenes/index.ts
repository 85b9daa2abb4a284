/** Every sample scene, in the order `npm run samples` writes them. */
import type { Scene } from '../scene.ts';
import { acceptQueueScene, acceptSshScene } from './accept.ts';
import { blog2008Scenes } from './blog2008.ts';
import { proto2Scenes } from './proto2.ts';
import { tcpsnoopScene } from './tcpsnoop.ts';
import { mixedScene } from './mixed.ts';
import { ptcpdumpScene } from './ptcpdump.ts';

export function allScenes(): Scene[] {
  return [...proto2Scenes(), ...blog2008Scenes(), acceptSshScene(), acceptQueueScene(), tcpsnoopScene(), mixedScene(), ptcpdumpScene()];
}
