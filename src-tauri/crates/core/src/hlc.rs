//! Hybrid logical clock stamps: every write gets a stamp that is totally ordered
//! across devices, even when their wall clocks disagree.
//!
//! A stamp is (physical milliseconds, counter, device id). Its text form,
//! `PPPPPPPPPPPPP-CCCCC-DEVICE`, is zero-padded so that comparing the strings
//! compares the stamps: the remote can order and filter them with plain `$gt`.
//!
//! Stamps also come from outside (the remote, an import, a backup), so the
//! clock never leaves its encoding: `parse` takes digits only, a stamp more
//! than [`MAX_AHEAD_MS`] ahead of this desktop's wall time is not taken in
//! (`HlcClock::admit`), and `tick` refuses rather than issue a stamp past
//! [`MAX_PHYSICAL_MS`].

use std::fmt;

/// The largest counter the text form holds (five digits).
pub const MAX_COUNTER: u32 = 99_999;

/// The largest physical time the text form holds (thirteen digits: year 2286).
pub const MAX_PHYSICAL_MS: i64 = 9_999_999_999_999;

/// How far ahead of this desktop's wall time a stamp from outside may be
/// (another desktop's clock running fast): 24 hours.
pub const MAX_AHEAD_MS: i64 = 24 * 60 * 60 * 1000;

/// One clock reading.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    /// Milliseconds since the Unix epoch (the larger of wall time and any stamp seen).
    pub physical_ms: i64,
    /// Orders stamps within the same millisecond.
    pub counter: u32,
    /// The device that made the stamp; breaks the last ties.
    pub device: String,
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:013}-{:05}-{}", self.physical_ms, self.counter, self.device)
    }
}

impl Hlc {
    /// Parses the text form; `None` when malformed (13 and 5 digits exactly,
    /// no sign, and a device id without control characters).
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.splitn(3, '-');
        let physical = parts.next()?;
        let counter = parts.next()?;
        let device = parts.next()?;
        let digits = |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
        if !digits(physical, 13) || !digits(counter, 5) || device.is_empty() || device.chars().any(char::is_control) {
            return None;
        }
        Some(Self { physical_ms: physical.parse().ok()?, counter: counter.parse().ok()?, device: device.to_string() })
    }
}

/// Why a clock refused a stamp or could not issue one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    /// A stamp from outside is further ahead of this desktop's wall time than [`MAX_AHEAD_MS`].
    #[error("the stamp {stamp} is {} hours ahead of this computer's clock (at most 24 are taken)", ahead_ms / 3_600_000)]
    Ahead {
        /// The stamp refused.
        stamp: String,
        /// How far ahead it is, in milliseconds.
        ahead_ms: i64,
    },
    /// The clock already stands at the largest stamp the text form holds.
    #[error("the clock stands at {0}, the last stamp there is: a stamp from the far future reached this store")]
    Exhausted(String),
}

/// The clock of one device: remembers the last stamp it issued.
#[derive(Debug, Clone)]
pub struct HlcClock {
    last: Hlc,
}

impl HlcClock {
    /// A clock for `device` that has issued nothing yet.
    pub fn new(device: impl Into<String>) -> Self {
        Self { last: Hlc { physical_ms: 0, counter: 0, device: device.into() } }
    }

    /// A clock resuming after `last` (e.g. the newest stamp found in the store).
    pub fn resume(device: impl Into<String>, last: Option<&Hlc>) -> Self {
        let mut clock = Self::new(device);
        if let Some(l) = last {
            clock.observe(l);
        }
        clock
    }

    /// Issues a stamp at wall time `now_ms`, strictly after every earlier one.
    /// The counter stays within its five digits: the stamp after counter
    /// 99,999 moves on to the next millisecond. Refuses (and changes nothing)
    /// once the clock stands at the last stamp the text form holds.
    pub fn tick(&mut self, now_ms: i64) -> Result<Hlc, ClockError> {
        let now_ms = now_ms.clamp(0, MAX_PHYSICAL_MS);
        if now_ms > self.last.physical_ms {
            self.last.physical_ms = now_ms;
            self.last.counter = 0;
        } else if self.last.counter < MAX_COUNTER {
            self.last.counter += 1;
        } else if self.last.physical_ms < MAX_PHYSICAL_MS {
            self.last.physical_ms += 1;
            self.last.counter = 0;
        } else {
            return Err(ClockError::Exhausted(self.last.to_string()));
        }
        Ok(self.last.clone())
    }

    /// Takes a stamp this store wrote into account, so later ticks order after
    /// it (the clock resuming at open). Stamps from outside go through [`Self::admit`].
    pub fn observe(&mut self, seen: &Hlc) {
        if (seen.physical_ms, seen.counter) > (self.last.physical_ms, self.last.counter) {
            self.last.physical_ms = seen.physical_ms;
            self.last.counter = seen.counter;
        }
    }

    /// Takes a stamp from outside into account at wall time `now_ms`, unless
    /// it is more than [`MAX_AHEAD_MS`] ahead: then the clock is left as it
    /// was and the document carrying it must not be applied.
    pub fn admit(&mut self, seen: &Hlc, now_ms: i64) -> Result<(), ClockError> {
        check_ahead(seen, now_ms)?;
        self.observe(seen);
        Ok(())
    }
}

/// Whether a stamp from outside may be taken in at wall time `now_ms`.
pub fn check_ahead(seen: &Hlc, now_ms: i64) -> Result<(), ClockError> {
    let ahead_ms = seen.physical_ms.saturating_sub(now_ms);
    if ahead_ms > MAX_AHEAD_MS {
        return Err(ClockError::Ahead { stamp: seen.to_string(), ahead_ms });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_strictly_increasing_even_when_the_clock_goes_back() {
        let mut c = HlcClock::new("dev");
        let a = c.tick(1_000).unwrap();
        let b = c.tick(1_000).unwrap();
        let d = c.tick(500).unwrap();
        let e = c.tick(2_000).unwrap();
        assert!(a < b && b < d && d < e);
        assert!(a.to_string() < b.to_string() && b.to_string() < d.to_string() && d.to_string() < e.to_string());
    }

    #[test]
    fn text_form_round_trips_and_sorts() {
        let h = Hlc { physical_ms: 1_767_000_000_000, counter: 7, device: "a-b".into() };
        assert_eq!(h.to_string(), "1767000000000-00007-a-b");
        assert_eq!(Hlc::parse(&h.to_string()), Some(h));
        assert_eq!(Hlc::parse("12-1-x"), None);
    }

    #[test]
    fn a_full_counter_moves_on_to_the_next_millisecond() {
        let mut c = HlcClock::new("dev");
        let mut last = c.tick(1_000).unwrap();
        for _ in 0..150_000 {
            let next = c.tick(1_000).unwrap();
            assert!(next > last);
            last = next;
        }
        assert_eq!((last.physical_ms, last.counter), (1_001, 150_000 - MAX_COUNTER - 1));
        assert_eq!(Hlc::parse(&last.to_string()), Some(last), "every stamp reads back");
    }

    #[test]
    fn observe_moves_past_remote_stamps() {
        let mut c = HlcClock::new("a");
        c.observe(&Hlc { physical_ms: 5_000, counter: 3, device: "b".into() });
        let next = c.tick(1_000).unwrap();
        assert_eq!((next.physical_ms, next.counter), (5_000, 4));
    }

    #[test]
    fn signs_spaces_and_other_non_digits_do_not_parse() {
        for text in [
            "+767000000000-00007-a",
            "1767000000000-+0007-a",
            "-767000000000-00007-a",
            " 767000000000-00007-a",
            "1767000000000-0000٣-a",
            "1767000000000-00007-",
            "1767000000000-00007-a\nb",
            "17670000000000-00007-a",
        ] {
            assert_eq!(Hlc::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_stamp_far_ahead_is_not_admitted_and_leaves_the_clock_alone() {
        let now = 1_767_000_000_000;
        let mut c = HlcClock::new("a");
        let poisoned = Hlc::parse("9999999999999-99999-x").unwrap();
        let refused = c.admit(&poisoned, now).unwrap_err();
        assert!(matches!(refused, ClockError::Ahead { .. }));
        assert!(refused.to_string().contains("hours ahead of this computer's clock"), "{refused}");
        let next = c.tick(now).unwrap();
        assert_eq!((next.physical_ms, next.counter), (now, 0));
        let fast = Hlc { physical_ms: now + MAX_AHEAD_MS, counter: 9, device: "b".into() };
        c.admit(&fast, now).unwrap();
        assert!(c.tick(now).unwrap() > fast, "a clock up to 24 h fast is followed");
    }

    #[test]
    fn the_last_stamp_of_the_encoding_refuses_to_tick() {
        let mut c = HlcClock::resume("a", Hlc::parse("9999999999999-99999-x").as_ref());
        let err = c.tick(1_767_000_000_000).unwrap_err();
        assert!(matches!(err, ClockError::Exhausted(_)), "{err}");
        let mut c = HlcClock::new("a");
        let wild = c.tick(i64::MAX).unwrap();
        assert_eq!(wild.physical_ms, MAX_PHYSICAL_MS, "a wall clock past the encoding is held at its end");
        assert_eq!(Hlc::parse(&wild.to_string()), Some(wild));
    }

    mod property {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

            /// For every stamp `parse` accepts: admitted (when not too far
            /// ahead) or observed, the next tick parses, sorts above it as
            /// text and as a value, and round-trips.
            #[test]
            fn observe_then_tick_stays_in_the_encoding(
                physical in 0i64..=MAX_PHYSICAL_MS,
                counter in 0u32..=MAX_COUNTER,
                device in "[a-z0-9-]{1,12}",
                now in 0i64..=MAX_PHYSICAL_MS,
                last in 0i64..=MAX_PHYSICAL_MS,
            ) {
                let text = format!("{physical:013}-{counter:05}-{device}");
                let seen = Hlc::parse(&text).expect("a well-formed stamp parses");
                prop_assert_eq!(seen.to_string(), text.clone());
                let mut c = HlcClock::resume("me", Some(&Hlc { physical_ms: last, counter: 0, device: "me".into() }));
                let admitted = c.admit(&seen, now).is_ok();
                prop_assert_eq!(admitted, physical - now <= MAX_AHEAD_MS);
                if !admitted {
                    c.observe(&seen);
                }
                match c.tick(now) {
                    Ok(next) => {
                        let next_text = next.to_string();
                        prop_assert_eq!(Hlc::parse(&next_text), Some(next.clone()));
                        prop_assert!((next.physical_ms, next.counter) > (seen.physical_ms, seen.counter));
                        prop_assert!(next_text[..19] > text[..19]);
                    }
                    Err(ClockError::Exhausted(_)) => {
                        prop_assert_eq!((seen.physical_ms, seen.counter), (MAX_PHYSICAL_MS, MAX_COUNTER));
                    }
                    Err(e) => prop_assert!(false, "unexpected {}", e),
                }
            }
        }
    }
}
