variable "allowed_product_families" {
  description = "Product families the organization may hold (`iPhone`, `iPad`, `Mac`, `AppleTV`, `Watch`, `Vision`, `iPod`). A device of any other family is a violation."
  type        = set(string)

  validation {
    condition     = length(setsubtract(var.allowed_product_families, ["iPhone", "iPad", "Mac", "AppleTV", "Watch", "Vision", "iPod"])) == 0
    error_message = "allowed_product_families may only hold iPhone, iPad, Mac, AppleTV, Watch, Vision and iPod (the spelling of a device's product_family)."
  }
}

variable "required_servers" {
  description = "Names of MDM servers that must exist and be ACTIVE."
  type        = set(string)
  default     = []
}

variable "enforce" {
  description = "When true, a violation fails the plan (an error, not only an output)."
  type        = bool
  default     = false
}
