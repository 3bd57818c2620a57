// Numbers as the page shows them (1,234). One shared formatter: toLocaleString builds a new one
// per call, which at 60,000 edge labels costs a second.
const NUMBER = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return NUMBER.format(n);
}
