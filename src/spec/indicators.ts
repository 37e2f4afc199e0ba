import type { PrimaryIndicator, SecondaryIndicator } from "./types";

/**
 * Appendix A: the two primary indicators (一级指标) and their weights. Each weight equals the sum of
 * its secondary indicators' weights; the catalogue test proves it.
 */
export const PRIMARY_INDICATORS: readonly PrimaryIndicator[] = [
  { id: "service", name: { zh: "服务要求", en: "Service requirements" }, weight: 60 },
  { id: "management", name: { zh: "管理要求", en: "Management requirements" }, weight: 40 },
];

/**
 * Appendix A: the fifteen secondary indicators (二级指标), in Appendix A's order, which is also the
 * order of Appendix B and of the workbook (B, C, then A items). Names are Appendix A's: it says
 * 人员配置 / 资源配置 where chapter 5 says 人员配备 / 资源配备, and 废弃商品回收 where 4.6 has the
 * erratum 废气商品回收. specClause is the clause of CTS DNISC0301-2025 that applies the indicator.
 */
export const SECONDARY_INDICATORS: readonly SecondaryIndicator[] = [
  {
    id: "5.2.1",
    primary: "service",
    name: { zh: "商品信息", en: "Product information" },
    weight: 6,
    specClause: "4.1",
    excludable: true,
  },
  {
    id: "5.2.2",
    primary: "service",
    name: { zh: "技术支持", en: "Technical support" },
    weight: 6,
    specClause: "4.2",
    excludable: true,
  },
  {
    id: "5.2.3",
    primary: "service",
    name: { zh: "配送", en: "Delivery" },
    weight: 4,
    specClause: "4.3",
    excludable: true,
  },
  {
    id: "5.2.4",
    primary: "service",
    name: { zh: "维修", en: "Repair" },
    weight: 10,
    specClause: "4.4",
    excludable: true,
  },
  {
    id: "5.2.5",
    primary: "service",
    name: { zh: "质量保证", en: "Quality assurance" },
    weight: 7,
    specClause: "4.5",
    excludable: true,
  },
  {
    id: "5.2.6",
    primary: "service",
    name: { zh: "废弃商品回收", en: "Recycling of discarded products" },
    weight: 2,
    specClause: "4.6",
    excludable: true,
  },
  // 6.1.5 allows exclusion only for 4.1–4.6: customer relations and complaints always apply.
  {
    id: "5.3.1",
    primary: "service",
    name: { zh: "顾客关系", en: "Customer relations" },
    weight: 15,
    specClause: "4.7",
    excludable: false,
  },
  {
    id: "5.3.2",
    primary: "service",
    name: { zh: "投诉处理", en: "Complaint handling" },
    weight: 10,
    specClause: "4.8",
    excludable: false,
  },
  {
    id: "5.1.1",
    primary: "management",
    name: { zh: "组织架构", en: "Organisational structure" },
    weight: 4,
    specClause: "5.1",
    excludable: false,
  },
  {
    id: "5.1.2",
    primary: "management",
    name: { zh: "人员配置", en: "Staffing" },
    weight: 6,
    specClause: "5.2",
    excludable: false,
  },
  {
    id: "5.1.3",
    primary: "management",
    name: { zh: "资源配置", en: "Resources" },
    weight: 6,
    specClause: "5.3",
    excludable: false,
  },
  {
    id: "5.1.4",
    primary: "management",
    name: { zh: "规范要求", en: "Service rules and procedures" },
    weight: 6,
    specClause: "5.4",
    excludable: false,
  },
  {
    id: "5.1.5",
    primary: "management",
    name: { zh: "监督", en: "Supervision" },
    weight: 7,
    specClause: "5.5",
    excludable: false,
  },
  {
    id: "5.1.6",
    primary: "management",
    name: { zh: "改进", en: "Improvement" },
    weight: 5,
    specClause: "5.6",
    excludable: false,
  },
  {
    id: "5.1.7",
    primary: "management",
    name: { zh: "服务文化", en: "Service culture" },
    weight: 6,
    specClause: "5.7",
    excludable: false,
  },
];
