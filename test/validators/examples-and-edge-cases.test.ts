// The examples and the edge cases (every option, hostile strings, arm64), through every validator.
import { examplesAndEdgeCases } from './cases.ts';
import { checkFolders } from './folder-checks.ts';

checkFolders(examplesAndEdgeCases());
