// Runs the real CLI from source, for tests that spawn it (another uid, real exit codes and streams).
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv);
