variable "expected_server_by_family" {
  description = "Product family (iPhone, iPad, Mac, AppleTV, Watch, Vision) → id of the MDM server every device of that family must be assigned to. Families not listed are not checked."
  type        = map(string)
  default     = {}
}

variable "applecare_serials" {
  description = "Serial numbers whose AppleCare coverage must not end within applecare_window_days."
  type        = list(string)
  default     = []
}

variable "applecare_window_days" {
  description = "How many days ahead an ending AppleCare coverage counts as a violation."
  type        = number
  default     = 90

  validation {
    condition     = var.applecare_window_days >= 0
    error_message = "applecare_window_days must not be negative."
  }
}

variable "exempt_serials" {
  description = "Serial numbers the fleet policies (1 to 3) skip, e.g. spares kept unassigned on purpose."
  type        = list(string)
  default     = []
}

variable "enforce" {
  description = "When true, any violation fails the plan (an error, not a warning): the pipeline gate."
  type        = bool
  default     = false
}
