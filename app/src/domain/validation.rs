//! Validation of the ticket form, run in the browser and again on the server.

use super::ticket::{Category, Code, Impact, NewTicket, Priority, TicketForm};
use serde::{Deserialize, Serialize};

/// Fields of the ticket form, used to place an error beside its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    ContactName,
    ContactEmail,
    ContactPhone,
    Organisation,
    Subject,
    Description,
    Started,
    Device,
    SoftwareVersion,
    Category,
    Priority,
    Impact,
}

impl Field {
    /// The form input's `id`, so a summary can link to the field.
    pub fn input_id(self) -> &'static str {
        match self {
            Field::ContactName => "contact_name",
            Field::ContactEmail => "contact_email",
            Field::ContactPhone => "contact_phone",
            Field::Organisation => "organisation",
            Field::Subject => "subject",
            Field::Description => "description",
            Field::Started => "started",
            Field::Device => "device",
            Field::SoftwareVersion => "software_version",
            Field::Category => "category",
            Field::Priority => "priority",
            Field::Impact => "impact",
        }
    }
}

/// What is wrong with a field; the UI turns it into a sentence in the user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    Required,
    TooShort { min: usize },
    TooLong { max: usize },
    InvalidEmail,
    InvalidChoice,
}

/// One problem with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// Length limits, in characters (not bytes: Chinese text is three bytes a character).
pub mod limits {
    pub const NAME: usize = 100;
    pub const EMAIL: usize = 254;
    pub const PHONE: usize = 40;
    pub const ORGANISATION: usize = 120;
    pub const SUBJECT: usize = 200;
    pub const DESCRIPTION_MIN: usize = 10;
    pub const DESCRIPTION: usize = 10_000;
    pub const SHORT_TEXT: usize = 200;
}

struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    fn fail(&mut self, field: Field, problem: Problem) {
        self.errors.push(FieldError { field, problem });
    }

    fn required(&mut self, field: Field, value: &str, max: usize) -> String {
        let v = value.trim();
        if v.is_empty() {
            self.fail(field, Problem::Required);
        } else if v.chars().count() > max {
            self.fail(field, Problem::TooLong { max });
        }
        v.to_string()
    }

    fn optional(&mut self, field: Field, value: &str, max: usize) -> Option<String> {
        let v = value.trim();
        if v.chars().count() > max {
            self.fail(field, Problem::TooLong { max });
        }
        (!v.is_empty()).then(|| v.to_string())
    }

    fn choice<T: Code>(&mut self, field: Field, value: &str) -> Option<T> {
        let v = value.trim();
        if v.is_empty() {
            self.fail(field, Problem::Required);
            return None;
        }
        let parsed = T::from_code(v);
        if parsed.is_none() {
            self.fail(field, Problem::InvalidChoice);
        }
        parsed
    }
}

/// A deliberately plain check: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

/// Checks every field and returns either the ticket or every problem found.
pub fn validate_ticket(form: &TicketForm) -> Result<NewTicket, Vec<FieldError>> {
    use limits::*;
    let mut c = Checker { errors: Vec::new() };
    let contact_name = c.required(Field::ContactName, &form.contact_name, NAME);
    let contact_email = c.required(Field::ContactEmail, &form.contact_email, EMAIL);
    if !contact_email.is_empty()
        && contact_email.chars().count() <= EMAIL
        && !is_plausible_email(&contact_email)
    {
        c.fail(Field::ContactEmail, Problem::InvalidEmail);
    }
    let contact_phone = c.optional(Field::ContactPhone, &form.contact_phone, PHONE);
    let organisation = c.optional(Field::Organisation, &form.organisation, ORGANISATION);
    let category = c.choice::<Category>(Field::Category, &form.category);
    let priority = c.choice::<Priority>(Field::Priority, &form.priority);
    let impact = c.choice::<Impact>(Field::Impact, &form.impact);
    let subject = c.required(Field::Subject, &form.subject, SUBJECT);
    let description = c.required(Field::Description, &form.description, DESCRIPTION);
    let len = description.chars().count();
    if len > 0 && len < DESCRIPTION_MIN {
        c.fail(
            Field::Description,
            Problem::TooShort {
                min: DESCRIPTION_MIN,
            },
        );
    }
    let started = c.optional(Field::Started, &form.started, SHORT_TEXT);
    let device = c.optional(Field::Device, &form.device, SHORT_TEXT);
    let software_version = c.optional(Field::SoftwareVersion, &form.software_version, SHORT_TEXT);

    match (category, priority, impact) {
        (Some(category), Some(priority), Some(impact)) if c.errors.is_empty() => Ok(NewTicket {
            contact_name,
            contact_email,
            contact_phone,
            organisation,
            subject,
            description,
            started,
            device,
            software_version,
            category,
            priority,
            impact,
        }),
        _ => Err(c.errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_form() -> TicketForm {
        TicketForm {
            contact_name: "李雷".into(),
            contact_email: "li.lei@example.com".into(),
            subject: "电脑无法开机".into(),
            description: "按下电源键后没有任何反应，指示灯不亮。".into(),
            category: "hardware".into(),
            priority: "urgent".into(),
            impact: "local".into(),
            ..TicketForm::default()
        }
    }

    fn problems(form: &TicketForm) -> Vec<(Field, Problem)> {
        validate_ticket(form)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn a_complete_form_is_accepted_and_trimmed() {
        let mut form = valid_form();
        form.subject = "  电脑无法开机  ".into();
        form.device = "   ".into();
        let t = validate_ticket(&form).expect("valid");
        assert_eq!(t.subject, "电脑无法开机");
        assert_eq!(t.device, None);
        assert_eq!(t.priority, Priority::Urgent);
    }

    #[test]
    fn an_empty_form_lists_every_required_field() {
        let got = problems(&TicketForm::default());
        let fields: Vec<Field> = got.iter().map(|(f, _)| *f).collect();
        for f in [
            Field::ContactName,
            Field::ContactEmail,
            Field::Subject,
            Field::Description,
            Field::Category,
            Field::Priority,
            Field::Impact,
        ] {
            assert!(fields.contains(&f), "{f:?} missing from {got:?}");
        }
        assert!(got.iter().all(|(_, p)| *p == Problem::Required));
    }

    #[test]
    fn lengths_are_counted_in_characters_not_bytes() {
        let mut form = valid_form();
        form.subject = "网".repeat(limits::SUBJECT);
        assert!(validate_ticket(&form).is_ok());
        form.subject.push('络');
        assert_eq!(
            problems(&form),
            vec![(
                Field::Subject,
                Problem::TooLong {
                    max: limits::SUBJECT
                }
            )]
        );
    }

    #[test]
    fn bad_email_short_description_and_unknown_choice_are_reported() {
        let mut form = valid_form();
        form.contact_email = "li lei@example".into();
        form.description = "坏了".into();
        form.category = "printer".into();
        let got = problems(&form);
        assert!(got.contains(&(Field::ContactEmail, Problem::InvalidEmail)));
        assert!(got.contains(&(Field::Description, Problem::TooShort { min: 10 })));
        assert!(got.contains(&(Field::Category, Problem::InvalidChoice)));
    }

    #[test]
    fn plausible_emails() {
        assert!(is_plausible_email("a@b.cn"));
        assert!(!is_plausible_email("a@b"));
        assert!(!is_plausible_email("@b.cn"));
        assert!(!is_plausible_email("a@@b.cn"));
        assert!(!is_plausible_email("a@.cn"));
    }
}
