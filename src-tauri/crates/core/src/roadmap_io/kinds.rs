//! Resource kinds in Markdown roadmaps: the `(book)` suffix the reader takes
//! and the writer adds, and the guess from the address and title when there is none.

use crate::roadmap::ResourceKind;

/// A resource line's words without a trailing `(kind)`, and that kind.
pub(super) fn split_kind(rest: &str) -> (&str, Option<ResourceKind>) {
    let rest = rest.trim();
    if let Some(inner) = rest.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && let Some(kind) = kind_named(&inner[open + 1..])
    {
        return (&inner[..open], Some(kind));
    }
    (rest, None)
}

fn kind_named(name: &str) -> Option<ResourceKind> {
    [ResourceKind::Article, ResourceKind::Video, ResourceKind::Course, ResourceKind::Book, ResourceKind::Tutorial]
        .into_iter()
        .find(|k| kind_name(*k).eq_ignore_ascii_case(name.trim()))
}

/// The name the writer gives a kind, as in `(book)`.
pub(super) fn kind_name(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Article => "article",
        ResourceKind::Video => "video",
        ResourceKind::Course => "course",
        ResourceKind::Book => "book",
        ResourceKind::Tutorial => "tutorial",
    }
}

/// The likely kind of a resource from its address and title: video sites are
/// videos; course sites or "course" are courses; "book" or book publishers are
/// books; "tutorial" is a tutorial; anything else is an article.
pub fn guess_kind(title: &str, url: &str) -> ResourceKind {
    let url = url.to_lowercase();
    let host = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
    let host = host.split(['/', '?', '#']).next().unwrap_or_default();
    let on = |sites: &[&str]| sites.iter().any(|s| host == *s || host.ends_with(&format!(".{s}")));
    let title = title.to_lowercase();
    let words: Vec<&str> = title.split(|c: char| !c.is_alphanumeric()).collect();
    let says = |names: &[&str]| words.iter().any(|w| names.contains(w));
    if on(&["youtube.com", "youtu.be", "vimeo.com"]) {
        ResourceKind::Video
    } else if on(&["coursera.org", "udemy.com", "edx.org"]) || says(&["course", "courses"]) || url.contains("course") {
        ResourceKind::Course
    } else if on(&["oreilly.com", "manning.com", "nostarch.com"]) || says(&["book", "books", "ebook", "handbook"]) {
        ResourceKind::Book
    } else if says(&["tutorial", "tutorials"]) || url.contains("tutorial") {
        ResourceKind::Tutorial
    } else {
        ResourceKind::Article
    }
}
