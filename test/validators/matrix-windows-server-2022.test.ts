// Every design x configuration tool on windows-server-2022, through every validator.
import { matrixFor } from './cases.ts';
import { checkFolders } from './folder-checks.ts';

checkFolders(matrixFor('windows-server-2022'));
