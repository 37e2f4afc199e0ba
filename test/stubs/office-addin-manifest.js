/**
 * Stands in for office-addin-manifest under jest (see moduleNameMapper in jest.config.js): its
 * dependencies (uuid 14, @microsoft/app-manifest) are ESM-only, and office-addin-mock needs only the
 * OfficeApp enum from it (host.js and officeMockObject.js). The values match office-addin-manifest 3.
 */
const OfficeApp = Object.freeze({
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
});

module.exports = { OfficeApp };
