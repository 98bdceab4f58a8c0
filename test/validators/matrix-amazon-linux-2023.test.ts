// Every design x configuration tool on amazon-linux-2023, through every validator.
import { matrixFor } from './cases.ts';
import { checkFolders } from './folder-checks.ts';

checkFolders(matrixFor('amazon-linux-2023'));
