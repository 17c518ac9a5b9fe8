// The style document behind `smart_style_url`, with the properties SMART lists. The sandbox EHR's
// own palette, so an app that honours it visibly changes.
// https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#styling
export const SMART_STYLE = {
  color_background: '#f4f6f8',
  color_error: '#9e2d2d',
  color_highlight: '#27496d',
  color_modal_backdrop: 'rgba(29, 39, 48, 0.6)',
  color_success: '#2e7d32',
  color_text: '#1d2730',
  dim_border_radius: '6px',
  dim_font_size: '16px',
  dim_spacing_size: '16px',
  font_family_body: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  font_family_heading: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
} as const;
