// Every design x configuration tool on ubuntu-24.04, through every validator.
import { matrixFor } from './cases.ts';
import { checkFolders } from './folder-checks.ts';

checkFolders(matrixFor('ubuntu-24.04'));
