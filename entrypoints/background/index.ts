import '../../lib/zod-jitless';
import { defineBackground } from '#imports';
import { createBackgroundServices } from './background-services';
import { setUpMessages } from './set-up-messages';
import { setUpSidebarToggle } from './set-up-sidebar-toggle';

export default defineBackground(() => {
  // Listeners are registered synchronously so a woken service worker sees the event that woke it.
  const services = createBackgroundServices();
  setUpMessages(services);
  setUpSidebarToggle();
});
