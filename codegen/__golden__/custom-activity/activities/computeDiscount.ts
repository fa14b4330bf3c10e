/** 2 % per year of loyalty, at most 10 %, rounded to the cent. */
export async function computeDiscount({ total, loyaltyYears }: { total: string; loyaltyYears: number }): Promise<string> {
  const rate = Math.min(loyaltyYears * 0.02, 0.1);
  return (Math.round(Number(total) * rate * 100) / 100).toFixed(2);
}
