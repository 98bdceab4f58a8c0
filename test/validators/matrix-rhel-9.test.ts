// Every design x configuration tool on rhel-9, through every validator.
import { matrixFor } from './cases.ts';
import { checkFolders } from './folder-checks.ts';

checkFolders(matrixFor('rhel-9'));
