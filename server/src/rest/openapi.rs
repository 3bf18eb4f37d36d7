//! The OpenAPI 3.1 description of the REST API, served at `/api/v1/openapi.json`.

use axum::Json;
use serde_json::{json, Value};

/// `GET /openapi.json`.
pub async fn document() -> Json<Value> {
    Json(spec())
}

fn enum_of(values: &[&str]) -> Value {
    json!({ "type": "string", "enum": values })
}

/// The document itself; kept beside the handlers so a changed endpoint changes it too.
pub fn spec() -> Value {
    let error = json!({ "$ref": "#/components/schemas/Error" });
    let ticket_number = json!({
        "name": "number", "in": "path", "required": true,
        "schema": { "type": "string", "pattern": "^IT-\\d{4}-\\d{6}$" },
        "example": "IT-2026-000042"
    });
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "IT self-service portal API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Open and follow support tickets from other systems (monitoring, \
                intranet forms). Authenticate with a token from `server admin token --name …`, \
                sent as `Authorization: Bearer <token>`. Messages follow `Accept-Language` \
                (`zh-CN` or `en`)."
        },
        "servers": [{ "url": "/api/v1" }],
        "security": [{ "bearer": [] }],
        "paths": {
            "/tickets": {
                "get": {
                    "summary": "List the newest tickets",
                    "parameters": [
                        { "name": "status", "in": "query", "schema": enum_of(&["open", "all"]),
                          "description": "`open` (default) leaves out closed and resolved tickets" },
                        { "name": "limit", "in": "query",
                          "schema": { "type": "integer", "minimum": 1, "maximum": 200, "default": 50 } }
                    ],
                    "responses": {
                        "200": { "description": "Tickets, newest first",
                            "content": { "application/json": { "schema": {
                                "type": "object", "required": ["tickets"],
                                "properties": { "tickets": { "type": "array",
                                    "items": { "$ref": "#/components/schemas/Ticket" } } } } } } },
                        "401": { "description": "Missing or invalid token",
                            "content": { "application/json": { "schema": error } } }
                    }
                },
                "post": {
                    "summary": "Open a ticket for a customer",
                    "description": "The SLA clocks start at once; the contact is mailed the \
                        ticket's private link, which the answer also carries.",
                    "requestBody": { "required": true, "content": { "application/json": {
                        "schema": { "$ref": "#/components/schemas/NewTicket" } } } },
                    "responses": {
                        "201": { "description": "Opened",
                            "content": { "application/json": { "schema": {
                                "$ref": "#/components/schemas/Opened" } } } },
                        "400": { "description": "The body is not JSON of this shape",
                            "content": { "application/json": { "schema": error } } },
                        "401": { "description": "Missing or invalid token",
                            "content": { "application/json": { "schema": error } } },
                        "422": { "description": "Fields missing or wrong, each named in `errors`",
                            "content": { "application/json": { "schema": error } } }
                    }
                }
            },
            "/tickets/{number}": {
                "get": {
                    "summary": "A ticket and its public timeline",
                    "parameters": [ticket_number],
                    "responses": {
                        "200": { "description": "The ticket",
                            "content": { "application/json": { "schema": {
                                "type": "object", "required": ["ticket", "events"],
                                "properties": {
                                    "ticket": { "$ref": "#/components/schemas/Ticket" },
                                    "events": { "type": "array",
                                        "items": { "$ref": "#/components/schemas/Event" } } } } } } },
                        "401": { "description": "Missing or invalid token",
                            "content": { "application/json": { "schema": error } } },
                        "404": { "description": "No such ticket",
                            "content": { "application/json": { "schema": error } } }
                    }
                }
            }
        },
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "schemas": {
                "NewTicket": {
                    "type": "object",
                    "required": ["contact_name", "contact_email", "subject", "description",
                        "category", "priority", "impact"],
                    "properties": {
                        "contact_name": { "type": "string", "maxLength": 100 },
                        "contact_email": { "type": "string", "format": "email" },
                        "contact_phone": { "type": "string" },
                        "organisation": { "type": "string" },
                        "subject": { "type": "string", "maxLength": 200 },
                        "description": { "type": "string", "maxLength": 10000 },
                        "started": { "type": "string", "description": "When it started, as the customer says it" },
                        "device": { "type": "string" },
                        "software_version": { "type": "string" },
                        "category": enum_of(&["hardware", "software", "network", "system", "security", "consultation"]),
                        "priority": enum_of(&["urgent", "important", "normal"]),
                        "impact": enum_of(&["local", "global"])
                    }
                },
                "Opened": {
                    "type": "object",
                    "required": ["number", "status", "customer_link", "first_response_due", "resolve_due"],
                    "properties": {
                        "number": { "type": "string" },
                        "status": { "type": "string" },
                        "customer_link": { "type": "string", "format": "uri",
                            "description": "The private link that opens the ticket for its customer" },
                        "first_response_due": { "type": "string", "format": "date-time" },
                        "resolve_due": { "type": "string", "format": "date-time" }
                    }
                },
                "Ticket": {
                    "type": "object",
                    "required": ["number", "subject", "status", "category", "priority", "impact",
                        "created_at", "first_response_due", "resolve_due"],
                    "properties": {
                        "number": { "type": "string" },
                        "subject": { "type": "string" },
                        "description": { "type": "string" },
                        "contact_name": { "type": "string" },
                        "category": { "type": "string" },
                        "priority": { "type": "string" },
                        "impact": { "type": "string" },
                        "status": enum_of(&["new", "acknowledged", "in_progress", "waiting_on_customer", "resolved", "closed"]),
                        "created_at": { "type": "string", "format": "date-time" },
                        "first_response_due": { "type": "string", "format": "date-time" },
                        "resolve_due": { "type": "string", "format": "date-time" },
                        "assignee": { "type": ["string", "null"] }
                    }
                },
                "Event": {
                    "type": "object",
                    "required": ["kind", "author", "body", "at"],
                    "properties": {
                        "kind": { "type": "string" },
                        "author": { "type": "string" },
                        "body": { "type": "string" },
                        "at": { "type": "string", "format": "date-time" }
                    }
                },
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {
                        "error": enum_of(&["unauthorized", "not_found", "bad_json", "invalid", "internal"]),
                        "message": { "type": "string" },
                        "errors": { "type": "array", "items": { "type": "object",
                            "properties": { "field": { "type": "string" }, "message": { "type": "string" } } } }
                    }
                }
            }
        }
    })
}
