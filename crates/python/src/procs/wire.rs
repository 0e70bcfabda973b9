//! The bytes that cross between a process's interpreter and the run's
//! broker: [`Request`]s go to the broker ([`crate::host::Host::process_post`]),
//! [`Notice`]s come back (delivered with [`super::Inbox::deliver`]). Each is a
//! tag byte and its fields, little-endian; texts and payloads are a `u32`
//! length and their bytes. Bad bytes decode to an error, never a panic.

use super::ProcessSpec;

/// What a process asks of the broker.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Start a child; the reply's payload is its pid (`u32`).
    Spawn {
        /// The ticket the reply answers.
        ticket: u64,
        /// What the child needs to start.
        spec: ProcessSpec,
    },
    /// Append a message to a channel.
    Put {
        /// The channel.
        channel: u64,
        /// The message.
        message: Vec<u8>,
    },
    /// Put a message back at the front of a channel (a receive that was
    /// given up after the broker had answered it).
    Unget {
        /// The channel.
        channel: u64,
        /// The message.
        message: Vec<u8>,
    },
    /// Take a channel's oldest message: replied to when there is one.
    Get {
        /// The channel.
        channel: u64,
        /// The ticket the reply answers.
        ticket: u64,
    },
    /// Give up a `Get` not yet answered.
    Cancel {
        /// The channel.
        channel: u64,
        /// The ticket of the `Get`.
        ticket: u64,
    },
    /// How many messages a channel holds (`u32` reply).
    Size {
        /// The channel.
        channel: u64,
        /// The ticket the reply answers.
        ticket: u64,
    },
    /// Wait for a child's end: the reply's payload is its exit code (`i32`).
    Join {
        /// The child.
        pid: u32,
        /// The ticket the reply answers.
        ticket: u64,
    },
    /// Stop a child (`Process.terminate`).
    Terminate {
        /// The child.
        pid: u32,
    },
    /// The sender's module began to run (its spawn is over).
    Started,
    /// What the sender's run recorded (at its end), for its parent's
    /// timeline: bytes of [`super::merge::encode`].
    Record {
        /// The record.
        record: Vec<u8>,
    },
    /// When child `pid` ends, put `message` on `channel` (a pool's result
    /// stream hears of a worker's end as of its results).
    Watch {
        /// The child.
        pid: u32,
        /// The channel.
        channel: u64,
        /// The message.
        message: Vec<u8>,
    },
}

/// What the broker tells a process.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The answer to a request: a payload, or why it failed.
    Reply {
        /// The request's ticket.
        ticket: u64,
        /// The payload or the failure's text.
        result: Result<Vec<u8>, String>,
    },
    /// A child of the receiver began to run its module.
    Started {
        /// The child.
        pid: u32,
    },
    /// What a child of the receiver recorded.
    Record {
        /// The child.
        pid: u32,
        /// The record's bytes.
        record: Vec<u8>,
    },
    /// A child of the receiver ended.
    Exited {
        /// The child.
        pid: u32,
        /// Its exit code (negative: stopped by a signal).
        code: i32,
    },
}

/// Appends fields.
#[derive(Default)]
pub(crate) struct Writer(pub(crate) Vec<u8>);

impl Writer {
    pub(crate) fn u8(&mut self, value: u8) -> &mut Self {
        self.0.push(value);
        self
    }
    pub(crate) fn u32(&mut self, value: u32) -> &mut Self {
        self.0.extend_from_slice(&value.to_le_bytes());
        self
    }
    pub(crate) fn u64(&mut self, value: u64) -> &mut Self {
        self.0.extend_from_slice(&value.to_le_bytes());
        self
    }
    pub(crate) fn bytes(&mut self, value: &[u8]) -> &mut Self {
        // Messages over 4 GiB cannot be made: the memory limit stops them first.
        self.u32(u32::try_from(value.len()).unwrap_or(u32::MAX));
        self.0.extend_from_slice(value);
        self
    }
    pub(crate) fn text(&mut self, value: &str) -> &mut Self {
        self.bytes(value.as_bytes())
    }
}

/// Reads fields; every read fails cleanly past the end.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

const SHORT: &str = "a process message was cut short";

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }
    fn take(&mut self, count: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(count).ok_or(SHORT)?;
        let slice = self.bytes.get(self.at..end).ok_or(SHORT)?;
        self.at = end;
        Ok(slice)
    }
    pub(crate) fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    pub(crate) fn u32(&mut self) -> Result<u32, String> {
        let mut array = [0u8; 4];
        array.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(array))
    }
    pub(crate) fn u64(&mut self) -> Result<u64, String> {
        let mut array = [0u8; 8];
        array.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(array))
    }
    pub(crate) fn bytes(&mut self) -> Result<Vec<u8>, String> {
        let len = self.u32()? as usize;
        Ok(self.take(len)?.to_vec())
    }
    pub(crate) fn text(&mut self) -> Result<String, String> {
        String::from_utf8(self.bytes()?).map_err(|_| "a process message holds bad text".into())
    }
    pub(crate) fn end(&self) -> Result<(), String> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err("a process message has bytes left over".into())
        }
    }
}

impl Request {
    /// The request as bytes, from process `from`.
    pub fn encode(&self, from: u32) -> Vec<u8> {
        let mut w = Writer::default();
        w.u32(from);
        match self {
            Request::Spawn { ticket, spec } => {
                w.u8(0).u64(*ticket);
                spec.write(&mut w);
            }
            Request::Put { channel, message } => {
                w.u8(1).u64(*channel).bytes(message);
            }
            Request::Unget { channel, message } => {
                w.u8(2).u64(*channel).bytes(message);
            }
            Request::Get { channel, ticket } => {
                w.u8(3).u64(*channel).u64(*ticket);
            }
            Request::Cancel { channel, ticket } => {
                w.u8(4).u64(*channel).u64(*ticket);
            }
            Request::Size { channel, ticket } => {
                w.u8(5).u64(*channel).u64(*ticket);
            }
            Request::Join { pid, ticket } => {
                w.u8(6).u32(*pid).u64(*ticket);
            }
            Request::Terminate { pid } => {
                w.u8(7).u32(*pid);
            }
            Request::Started => {
                w.u8(8);
            }
            Request::Watch {
                pid,
                channel,
                message,
            } => {
                w.u8(9).u32(*pid).u64(*channel).bytes(message);
            }
            Request::Record { record } => {
                w.u8(10).bytes(record);
            }
        }
        w.0
    }

    /// Reads a request: who sent it, and what it asks.
    pub fn decode(bytes: &[u8]) -> Result<(u32, Request), String> {
        let mut r = Reader::new(bytes);
        let from = r.u32()?;
        let request = match r.u8()? {
            0 => Request::Spawn {
                ticket: r.u64()?,
                spec: ProcessSpec::read(&mut r)?,
            },
            1 => Request::Put {
                channel: r.u64()?,
                message: r.bytes()?,
            },
            2 => Request::Unget {
                channel: r.u64()?,
                message: r.bytes()?,
            },
            3 => Request::Get {
                channel: r.u64()?,
                ticket: r.u64()?,
            },
            4 => Request::Cancel {
                channel: r.u64()?,
                ticket: r.u64()?,
            },
            5 => Request::Size {
                channel: r.u64()?,
                ticket: r.u64()?,
            },
            6 => Request::Join {
                pid: r.u32()?,
                ticket: r.u64()?,
            },
            7 => Request::Terminate { pid: r.u32()? },
            8 => Request::Started,
            10 => Request::Record { record: r.bytes()? },
            9 => Request::Watch {
                pid: r.u32()?,
                channel: r.u64()?,
                message: r.bytes()?,
            },
            tag => return Err(format!("unknown process request {tag}")),
        };
        r.end()?;
        Ok((from, request))
    }
}

impl Notice {
    /// The notice as bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        match self {
            Notice::Reply {
                ticket,
                result: Ok(payload),
            } => {
                w.u8(0).u64(*ticket).bytes(payload);
            }
            Notice::Reply {
                ticket,
                result: Err(why),
            } => {
                w.u8(1).u64(*ticket).text(why);
            }
            Notice::Started { pid } => {
                w.u8(2).u32(*pid);
            }
            Notice::Exited { pid, code } => {
                w.u8(3).u32(*pid).u32(*code as u32);
            }
            Notice::Record { pid, record } => {
                w.u8(4).u32(*pid).bytes(record);
            }
        }
        w.0
    }

    /// Reads a notice.
    pub fn decode(bytes: &[u8]) -> Result<Notice, String> {
        let mut r = Reader::new(bytes);
        let notice = match r.u8()? {
            0 => Notice::Reply {
                ticket: r.u64()?,
                result: Ok(r.bytes()?),
            },
            1 => Notice::Reply {
                ticket: r.u64()?,
                result: Err(r.text()?),
            },
            2 => Notice::Started { pid: r.u32()? },
            3 => Notice::Exited {
                pid: r.u32()?,
                code: r.u32()? as i32,
            },
            4 => Notice::Record {
                pid: r.u32()?,
                record: r.bytes()?,
            },
            tag => return Err(format!("unknown process notice {tag}")),
        };
        r.end()?;
        Ok(notice)
    }
}
