//! Hybrid logical clock stamps: every write gets a stamp that is totally ordered
//! across devices, even when their wall clocks disagree.
//!
//! A stamp is (physical milliseconds, counter, device id). Its text form,
//! `PPPPPPPPPPPPP-CCCCC-DEVICE`, is zero-padded so that comparing the strings
//! compares the stamps: the remote can order and filter them with plain `$gt`.

use std::fmt;

/// The largest counter the text form holds (five digits).
pub const MAX_COUNTER: u32 = 99_999;

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
    /// Parses the text form; `None` when malformed.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.splitn(3, '-');
        let physical = parts.next()?;
        let counter = parts.next()?;
        let device = parts.next()?;
        if physical.len() != 13 || counter.len() != 5 || device.is_empty() {
            return None;
        }
        Some(Self { physical_ms: physical.parse().ok()?, counter: counter.parse().ok()?, device: device.to_string() })
    }
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
    /// 99,999 moves on to the next millisecond.
    pub fn tick(&mut self, now_ms: i64) -> Hlc {
        if now_ms > self.last.physical_ms {
            self.last.physical_ms = now_ms;
            self.last.counter = 0;
        } else if self.last.counter >= MAX_COUNTER {
            self.last.physical_ms += 1;
            self.last.counter = 0;
        } else {
            self.last.counter += 1;
        }
        self.last.clone()
    }

    /// Takes a stamp seen elsewhere into account, so later ticks order after it.
    pub fn observe(&mut self, seen: &Hlc) {
        if (seen.physical_ms, seen.counter) > (self.last.physical_ms, self.last.counter) {
            self.last.physical_ms = seen.physical_ms;
            self.last.counter = seen.counter;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_strictly_increasing_even_when_the_clock_goes_back() {
        let mut c = HlcClock::new("dev");
        let a = c.tick(1_000);
        let b = c.tick(1_000);
        let d = c.tick(500);
        let e = c.tick(2_000);
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
        let mut last = c.tick(1_000);
        for _ in 0..150_000 {
            let next = c.tick(1_000);
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
        let next = c.tick(1_000);
        assert_eq!((next.physical_ms, next.counter), (5_000, 4));
    }
}
