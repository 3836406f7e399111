import { Type } from "typebox";
import { complaintCategories } from "../../../core/complaints/complaint.ts";

export const complaintBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 512, description: "The trace code or party code complained about" }),
    category: Type.String({ enum: [...complaintCategories] }),
    description: Type.String({ maxLength: 4000 }),
    contactName: Type.Optional(Type.String({ maxLength: 100 })),
    contactPhone: Type.Optional(Type.String({ maxLength: 30 })),
    lang: Type.Optional(Type.String({ maxLength: 8 })),
    formToken: Type.String({ maxLength: 100, description: "The token of the form the complaint was written in" }),
    website: Type.Optional(Type.String({ maxLength: 200, description: "Honeypot: leave empty" })),
  },
  { additionalProperties: false },
);

export const complaintSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  targetType: Type.String(),
  targetId: Type.String(),
  partyId: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  category: Type.String(),
  description: Type.String(),
  contactName: Type.Union([Type.String(), Type.Null()]),
  contactPhone: Type.Union([Type.String(), Type.Null()]),
  lang: Type.String(),
  status: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
});

export const complaintReceipt = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  status: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
});
