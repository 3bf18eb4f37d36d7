//! Labelled form inputs that show their own error beside them.

use crate::domain::ticket::Code;
use crate::domain::validation::{Field, FieldError};
use crate::i18n::{use_i18n, Strings};
use leptos::prelude::*;

/// The errors currently shown on a form.
pub type Errors = Signal<Vec<FieldError>>;

/// The sentence for the first error of `field`, if any.
fn error_text(errors: Errors, field: Field, s: &Strings) -> Option<String> {
    errors.with(|list| {
        list.iter()
            .find(|e| e.field == field)
            .map(|e| s.problem(e.problem))
    })
}

/// Whether `field` has an error (language does not matter for that).
fn has_error(errors: Errors, field: Field) -> bool {
    errors.with(|list| list.iter().any(|e| e.field == field))
}

/// Label, optional hint and error line shared by every kind of input.
#[component]
fn FieldFrame(
    field: Field,
    errors: Errors,
    required: bool,
    #[prop(default = None)] hint: Option<fn(&Strings) -> &'static str>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field.input_id();
    view! {
        <div class="field" class:has-error=move || has_error(errors, field)>
            <label for=id>
                {move || i18n.locale().strings().field(field)}
                {(!required).then(|| view! { <span class="optional">" (" {i18n.t(|s| s.optional)} ")"</span> })}
            </label>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{move || h(i18n.locale().strings())}</p> })}
            {children()}
            <p class="field-error" id=format!("{id}-error") aria-live="polite">
                {move || error_text(errors, field, i18n.locale().strings())}
            </p>
        </div>
    }
}

/// `aria-describedby` for an input: its error line, and its hint when it has one.
fn described_by(field: Field, has_hint: bool) -> String {
    let id = field.input_id();
    if has_hint {
        format!("{id}-hint {id}-error")
    } else {
        format!("{id}-error")
    }
}

/// A one-line text input named `form[<field>]`.
#[component]
pub fn TextField(
    field: Field,
    errors: Errors,
    #[prop(into)] value: String,
    #[prop(default = false)] required: bool,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] hint: Option<fn(&Strings) -> &'static str>,
    max: usize,
) -> impl IntoView {
    let id = field.input_id();
    let invalid = move || has_error(errors, field).to_string();
    view! {
        <FieldFrame field errors required hint>
            <input
                type=input_type
                id=id
                name=format!("form[{id}]")
                value=value
                maxlength=max.to_string()
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                aria-required=required.to_string()
                aria-invalid=invalid
                aria-describedby=described_by(field, hint.is_some())
            />
        </FieldFrame>
    }
}

/// A multi-line text input named `form[<field>]`.
#[component]
pub fn TextArea(
    field: Field,
    errors: Errors,
    #[prop(into)] value: String,
    #[prop(default = false)] required: bool,
    #[prop(optional)] hint: Option<fn(&Strings) -> &'static str>,
    max: usize,
) -> impl IntoView {
    let id = field.input_id();
    let invalid = move || has_error(errors, field).to_string();
    view! {
        <FieldFrame field errors required hint>
            <textarea
                id=id
                name=format!("form[{id}]")
                rows="6"
                maxlength=max.to_string()
                aria-required=required.to_string()
                aria-invalid=invalid
                aria-describedby=described_by(field, hint.is_some())
            >
                {value}
            </textarea>
        </FieldFrame>
    }
}

/// A drop-down named `form[<field>]` offering every variant of `T`, labelled by `label`.
#[component]
pub fn SelectField<T: Code + Send + Sync>(
    field: Field,
    errors: Errors,
    #[prop(into)] value: String,
    label: fn(&Strings, T) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field.input_id();
    let invalid = move || has_error(errors, field).to_string();
    let choices = T::ALL
        .iter()
        .map(|&choice| {
            let selected = value == choice.code();
            view! {
                <option value=choice.code() selected=selected>
                    {move || label(i18n.locale().strings(), choice)}
                </option>
            }
        })
        .collect_view();
    view! {
        <FieldFrame field errors required=true>
            <select
                id=id
                name=format!("form[{id}]")
                aria-required="true"
                aria-invalid=invalid
                aria-describedby=described_by(field, false)
            >
                <option value="">{i18n.t(|s| s.choose)}</option>
                {choices}
            </select>
        </FieldFrame>
    }
}

/// Radio buttons named `form[<field>]`, one per variant of `T`, each with a label and a hint.
#[component]
pub fn RadioGroup<T: Code + Send + Sync>(
    field: Field,
    errors: Errors,
    #[prop(into)] value: String,
    label: fn(&Strings, T) -> (&'static str, &'static str),
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field.input_id();
    let choices = T::ALL
        .iter()
        .map(|&choice| {
            let input_id = format!("{id}-{}", choice.code());
            let label_for = input_id.clone();
            let checked = value == choice.code();
            view! {
                <label class="choice" for=label_for>
                    <input type="radio" id=input_id name=format!("form[{id}]") value=choice.code() checked=checked />
                    <span class="choice-text">
                        <strong>{move || label(i18n.locale().strings(), choice).0}</strong>
                        <small>{move || label(i18n.locale().strings(), choice).1}</small>
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="field radio-group"
            class:has-error=move || has_error(errors, field)
            id=id
            tabindex="-1"
            aria-describedby=format!("{id}-error")
        >
            <legend>{move || i18n.locale().strings().field(field)}</legend>
            {choices}
            <p class="field-error" id=format!("{id}-error") aria-live="polite">
                {move || error_text(errors, field, i18n.locale().strings())}
            </p>
        </fieldset>
    }
}
