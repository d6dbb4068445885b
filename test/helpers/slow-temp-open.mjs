// Preloaded by a test (NODE_OPTIONS=--import): holds back by 100 ms the opening for reading of the temporary
// files exceljs makes (named tmp-PID-…), as a loaded machine may.
import fs from 'node:fs';
const open = fs.open;
fs.open = (path, ...rest) => {
  if (/[\\/]tmp-\d+-/.test(String(path)) && rest[0] === 'r') setTimeout(() => open(path, ...rest), 100);
  else open(path, ...rest);
};
