import { PortalChangedError } from '../../errors/index.ts';
import type { UiFamilyName, Widget, WidgetSpec } from '../types.ts';
import type { OptionLabels } from '../widgets/common.ts';

/**
 * A UI family: how the widget kinds of declarations (select, date, upload …) are worked on the pages of
 * one component library. A family supplies a widget for each spec kind it knows; a kind it does not know
 * cannot be worked on its pages, which the declaration must say otherwise (PORTAL_CHANGED at once).
 */
export interface UiFamily {
  readonly name: UiFamilyName;
  /** The library's widget for a spec, or undefined when the family has none for that kind. */
  widget(spec: WidgetSpec): Widget | undefined;
}

/** The widget a binding uses on a portal of `family`: the family's own for a spec, else the binding's. */
export function adapt(family: UiFamily, widget: Widget): Widget {
  if (!widget.spec || family.name === 'native') return widget;
  const own = family.widget(widget.spec);
  if (own) return own;
  const kind = widget.spec.kind;
  return {
    kind: widget.kind,
    async fill() {
      throw new PortalChangedError(`${family.name} 组件库没有“${kind}”类控件的实现`);
    },
    read: async () => '',
    expected: () => '',
  };
}

type DateSpec = Extract<WidgetSpec, { kind: 'date' }>;

/** A component library's widget for each spec kind: what a family of such a library supplies. */
export interface LibraryWidgets {
  select(options: OptionLabels | undefined): Widget;
  region(): Widget;
  /** A day or, with `month`, a month picker. */
  date(formats: DateSpec): Widget;
  checkboxes(options: OptionLabels | undefined): Widget;
  radio(options: OptionLabels | undefined): Widget;
  checkbox(label: string): Widget;
  upload(): Widget;
  notice(agree: string, accept: string | undefined): Widget;
}

/** The family of a component library that has a widget for every spec kind. */
export function libraryFamily(name: UiFamilyName, widgets: LibraryWidgets): UiFamily {
  return {
    name,
    widget(spec: WidgetSpec): Widget {
      switch (spec.kind) {
        case 'select':
          return widgets.select(spec.options);
        case 'region':
          return widgets.region();
        case 'date':
          return widgets.date(spec);
        case 'checkboxes':
          return widgets.checkboxes(spec.options);
        case 'radio':
          return widgets.radio(spec.options);
        case 'checkbox':
          return widgets.checkbox(spec.label);
        case 'upload':
          return widgets.upload();
        case 'notice':
          return widgets.notice(spec.agree, spec.accept);
      }
    },
  };
}
