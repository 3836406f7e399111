import type { SamplingImportReport } from "../../../services/sampling/import-sampling.ts";
import type { SamplingView } from "../../../services/sampling/read-sampling.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentSampling(v: SamplingView, base: string) {
  const r = v.record;
  return {
    id: r.id,
    sampleNo: r.sampleNo,
    productName: r.productName,
    spec: r.spec,
    producerName: r.producerName,
    producerCreditCode: r.producerCreditCode,
    traceCode: r.traceCode,
    lotCode: r.lotCode,
    productionDate: r.productionDate,
    result: r.result,
    failedItems: [...r.failedItems],
    agency: r.agency,
    sampledOn: r.sampledOn,
    regionCode: r.regionCode,
    importedAt: iso(r.importedAt) as string,
    matches: v.matches.map((m) => ({
      lotId: m.lotId,
      lotCode: m.lotCode,
      traceCode: `${base}/${m.traceKey}`,
      score: m.score,
      reasons: [...m.reasons],
      status: m.status,
      decidedAt: iso(m.decidedAt),
      recallId: m.recallId,
    })),
  };
}

export function presentImportReport(r: SamplingImportReport) {
  return {
    rows: r.rows,
    imported: r.imported,
    duplicates: r.duplicates,
    failing: r.failing.map((f) => ({
      id: f.record.id,
      sampleNo: f.record.sampleNo,
      matches: f.matches.map((m) => ({ lotId: m.lotId, score: m.score, reasons: [...m.reasons] })),
    })),
  };
}
