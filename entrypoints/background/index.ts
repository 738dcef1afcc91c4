import '../../lib/zod-jitless';
import { defineBackground } from '#imports';

export default defineBackground(() => {});
