/** The grade scales a column can be read on, as the panes offer them (numbers pass through on each). */
import type { NamedScale } from '../../core/grades/scales';

export const SCALES: Array<{ key: NamedScale; label: string }> = [
  { key: 'gcse', label: '9-1 or score' },
  { key: 'letter', label: 'A*-G' },
  { key: 'nc', label: 'NC level' },
  { key: 'ta', label: 'KS2 TA' },
];
